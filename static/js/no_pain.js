// "No pain" in one tap, with or without signal: a morning score of 0 for each place the runner already
// tracks (the page lists them; none for a place never named) and the morning check-in ticked, all on the
// phone first, as the server's POST /log/pain/none does it.

import { h, localToday } from "./dom.js";
import * as outbox from "./outbox.js";

export function wireNoPain(app) {
  const form = document.querySelector("form.no-pain");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const date = app.offlineCopy ? localToday() : form.elements.date.value;  // a cached page may be old
    // A page from the phone's cache was made for any context: the address says which this one is.
    const asked = new URLSearchParams(location.search).get("context") || form.elements.context?.value;
    const context = asked === "after_run" ? "after_run" : "morning";
    const key = context === "morning" ? "checkin" : "post_run_checkin";
    let sites = [];
    try {
      sites = JSON.parse(form.dataset.sites || "[]");
    } catch { /* no sites: only the check-in is ticked */ }
    const writes = sites.map(([location, side]) => ({
      id: crypto.randomUUID(), kind: "pain", ifMatch: null,
      body: { date, context, location, side, score: 0, settled_within_60min: null, flags: [], notes: "" },
    }));
    try {
      if (writes.length) await outbox.save(app.userId, writes);
      await outbox.checkTask(app.userId, { date, key, done: true, title: "Check-in" });
    } catch (error) {
      console.warn("no pain not saved", error);  // handled: the runner is told, and offered the plain post
      form.append(h("p", { class: "save-status bad", role: "alert" }, "NOT saved: this phone's storage refused it."));
      return;
    }
    await Promise.race([app.afterSave(writes.map((write) => write.id), null).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 1500))]);
    location.assign("/today");
  });
  form.dataset.ready = "1";
}
