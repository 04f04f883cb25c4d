// After a save, a clear confirmation at the top of the page with what was saved, so the emptied form below
// is plainly ready for the next entry rather than a form that lost the run.

import { day, h, KM_PER_MILE } from "./dom.js";
import { formatDuration } from "./durations.js";

function runLine(body, units) {
  const per = units === "mi" ? KM_PER_MILE * 1000 : 1000;
  const distance = body.distance_m / per;
  const unit = units === "mi" ? "mi" : "km";
  const parts = [`${body.kind} run`, `${distance.toFixed(1)} ${unit}`];
  if (body.duration_s) parts.push(`in ${formatDuration(body.duration_s)}`);
  if (body.duration_s && distance > 0) parts.push(`(${formatDuration(body.duration_s / distance)} /${unit})`);
  return parts.join(" ");
}

export function showSaved(form, kind, writes, units) {
  if (kind !== "runs" || !writes.length) return;
  form.parentElement.querySelector(".saved-note")?.remove();
  const body = writes[0].body;
  const note = h("div", { class: "saved-note", role: "status", tabindex: "-1" },
    h("strong", {}, "Run saved. "), `${runLine(body, units)}, ${day(body.date)}. `,
    h("a", { href: "/history/" }, "See it in History"));
  form.before(note);
  note.focus({ preventScroll: true });
  note.scrollIntoView({ block: "start" });
}
