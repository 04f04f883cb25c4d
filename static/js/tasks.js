// Today's task check-offs, offline first. With JavaScript off each tick is a plain form POST to
// /today/tasks/<key>. With it, a tap toggles the task at once, stores the new state on the phone (its local
// copy and an outbox item, in one IndexedDB transaction) and asks the one flusher to send it as
// PUT /api/v1/tasks/{date}/{key}. The last tap wins: it replaces the task's outbox item with a new revision.
// A page older than a tap made on this phone (the copy on the phone, shown with no signal, or a page open in
// another tab) gets the phone's state re-applied when it renders.

import { h } from "./dom.js";
import * as outbox from "./outbox.js";

function taskOf(li) {
  const form = li.querySelector("form.check-form");
  const button = form?.querySelector("button.tick");
  const date = form?.elements.date?.value;
  const key = li.dataset.task || li.id.replace(/^task-/, "");
  if (!form || !button || !date || !key || !form.elements.done) return null;
  const title = li.querySelector(".task-head strong")?.textContent.trim() || key;
  return { li, form, button, date, key, title, body: li.querySelector(".body") || li };
}

function isDone(task) {
  return task.li.classList.contains("done");
}

// Draw a task as done or not, exactly as the server renders it.
function show(task, done) {
  task.li.classList.toggle("done", done);
  task.button.setAttribute("aria-pressed", done ? "true" : "false");
  task.button.setAttribute("aria-label", `${done ? "Mark not done" : "Mark done"}: ${task.title}`);
  task.button.textContent = done ? "✓" : "";
  task.form.elements.done.value = done ? "0" : "1";  // what the next tap (or the plain post) asks for
  let link = task.body.querySelector(":scope > a.button");
  if (!link && !done && task.li.dataset.link) {
    link = h("a", { class: "button", href: task.li.dataset.link }, task.li.dataset.linkLabel || "Log it");
    task.body.append(link);
  }
  if (link) link.hidden = done;  // the server shows "Log the run" and the like only for tasks not done
}

// One short line under the task's title about where its check-off is: on the phone, or refused.
function note(task, text) {
  let line = task.li.querySelector(".task-sync");
  if (!text) {
    if (line) line.hidden = true;
    return;
  }
  if (!line) {
    line = h("span", { class: "hint task-sync" });
    const head = task.li.querySelector(".task-head");
    if (head) head.after(line);
    else task.body.prepend(line);
  }
  line.textContent = text;
  line.hidden = false;
}

function refused(task, done, retry) {
  task.li.querySelector(".task-error")?.remove();
  const message = h("p", { class: "save-status bad task-error", role: "alert" },
    `NOT saved: this phone's storage refused it. `,
    h("button", { type: "button", class: "small", onclick: () => {
      task.form.elements.done.value = done ? "1" : "0";
      retry();
    } }, "Send it straight to the server"));
  (task.li.querySelector(".task-sync") || task.li.querySelector(".task-head"))?.after(message);
}

export function wireTasks(app) {
  const tasks = [...document.querySelectorAll("li.task")].map(taskOf).filter(Boolean);
  if (!tasks.length) return Promise.resolve();
  const byId = new Map(tasks.map((task) => [outbox.taskId(task.date, task.key), task]));
  // When this page's state was taken from the server: a copy from the phone's cache carries its time.
  const stamp = app.offlineCopy && app.offlineCopy !== "?" ? Date.parse(app.offlineCopy) : NaN;
  const asOf = app.offlineCopy ? (Number.isNaN(stamp) ? 0 : stamp) : performance.timeOrigin;
  let taps = 0;
  let saving = Promise.resolve();

  const refresh = async () => {
    let checks;
    try {
      checks = await outbox.taskChecks(app.userId);
    } catch {
      return;  // storage unreadable: the page shows what the server rendered
    }
    if (taps) return;  // a tap is being saved: it draws itself, and its save redraws after
    const seen = new Set();
    for (const { local, item } of checks) {
      const task = byId.get(local.id);
      if (!task) continue;
      seen.add(task);
      if (item) {
        show(task, Boolean(item.body.done));  // what the runner tapped last, even if the server refused it
        note(task, item.state === "queued" ? "Saved on this phone, not yet synced."
          : "Not synced: the server did not accept this. See the list above.");
      } else {
        if (Date.parse(local.saved_at) > asOf) show(task, Boolean(local.body.done));  // tapped after this page
        note(task, null);
      }
    }
    for (const task of tasks) if (!seen.has(task)) note(task, null);
  };

  const tap = (task) => {
    const done = !isDone(task);
    show(task, done);
    task.li.querySelector(".task-error")?.remove();
    taps += 1;
    // One save after another, in tap order: the last tap is the one the outbox keeps.
    saving = saving
      .then(() => outbox.checkTask(app.userId, { date: task.date, key: task.key, done, title: task.title }))
      .then((id) => {
        app.afterSave([id], null).catch(() => {});  // sends it now if there is signal
      }, (error) => {
        console.warn("task check-off not saved", error);  // handled: the runner is told, and offered the plain post
        show(task, !done);
        refused(task, done, () => task.form.submit());
      })
      .finally(() => {
        taps -= 1;
        if (!taps) refresh();
      });
  };

  for (const task of tasks) {
    task.form.addEventListener("submit", (event) => {
      event.preventDefault();
      tap(task);
    });
    task.form.dataset.ready = "1";  // taps now save on the phone (tests wait for this)
  }
  outbox.onChange(app.userId, () => refresh());
  return refresh();
}
