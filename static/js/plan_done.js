// "Done as planned" on Today: the run form's save, made from a card whose fields are the planned run. Once
// the run is on the phone, its task is ticked on the phone too (so Today shows it done with no signal), the
// flush gets a moment to send it, and the runner goes on to the post-run check-in.

import * as outbox from "./outbox.js";

const FLUSH_WAIT_MS = 1500;

// A form that stands for one of Today's tasks (data-task) ticks it on the phone once its entry is saved, so
// Today shows it done with no signal too.
export async function tickTask(form, app) {
  const date = form.elements.date?.value;
  if (!date || !form.dataset.task) return;
  try {
    const title = form.dataset.taskTitle || "";
    await outbox.checkTask(app.userId, { date, key: form.dataset.task, done: true, title });
  } catch { /* the entry itself is saved: the server ticks the task when it arrives */ }
}

export async function afterPlannedRun(form, app, flushing) {
  const date = form.elements.date?.value;
  const title = form.closest("li.task")?.querySelector(".task-head strong")?.textContent.trim() || "Run";
  try {
    if (date) await outbox.checkTask(app.userId, { date, key: "run", done: true, title });
  } catch { /* the run itself is saved: the tick is a nicety the server also makes */ }
  await Promise.race([flushing, new Promise((resolve) => setTimeout(resolve, FLUSH_WAIT_MS))]);
  location.assign(form.dataset.then);
}
