// Progressive enhancement entry point: the pages work without it; with it, logging works with no signal.

import { clock, h, meta } from "./dom.js";
import { wireCopy } from "./copy.js";
import { wirePace } from "./durations.js";
import { wireForms } from "./forms.js";
import { wireNoPain } from "./no_pain.js";
import * as outbox from "./outbox.js";
import { forgetPages, refreshPages, registerWorker } from "./pwa.js";
import { Syncer } from "./sync.js";
import { wireTasks } from "./tasks.js";
import { Banner, OutboxView, unsyncedWords } from "./ui.js";

const app = {
  userId: meta("user-id"),
  units: meta("units") || "km",
  offlineCopy: document.querySelector('meta[name="runner-offline-copy"]') ? meta("runner-offline-copy") || "?" : "",
  banner: new Banner(document.getElementById("banner")),
  beforeReload: [],
  reloadRequested: false,
  waitingWorker: null,
};

function showOfflineCopy() {
  if (!app.offlineCopy) return;
  const when = app.offlineCopy === "?" ? "" : ` from ${clock(app.offlineCopy)}`;
  app.banner.set("offline-copy", `No signal: this is the copy on your phone${when}. What you log is saved on the phone.`, "info");
  addEventListener("online", () => {
    app.banner.set("offline-copy", [`Back online. This page is the copy${when}. `,
      h("button", { type: "button", class: "small", onclick: () => {
        for (const keep of app.beforeReload) keep();
        location.reload();
      } }, "Show the latest")], "info");
  }, { once: true });
}

function isIPhoneBrowser() {
  return /iPhone|iPad|iPod/.test(navigator.userAgent) && !navigator.standalone;
}

// After each save: ask the browser to keep our storage (the first time), then try to send at once.
app.afterSave = async (ids, status) => {
  try {
    if (!(await outbox.flag(app.userId, "persist-asked", true)) && navigator.storage?.persist) {
      navigator.storage.persist().catch(() => {});
      if (isIPhoneBrowser()) {
        app.banner.set("install", "Tip: Share → Add to Home Screen keeps what you log safe on this iPhone.", "info");
      }
    }
  } catch { /* the entry is saved; this is a nicety */ }
  await app.syncer.flush("save");
  const left = (await outbox.items(app.userId).catch(() => [])).filter((item) => ids.includes(item.id));
  if (!status || !status.isConnected) return;
  status.textContent = !left.length ? "Saved on this phone and synced."
    : left.some((item) => item.state !== "queued") ? "Saved on this phone, but the server needs you to look at it: see the list in History."
      : "Saved on this phone. It will sync when there is signal.";
  status.append(" ", h("a", { href: "/history/" }, "History"));
};

function wireSignOut() {
  const form = document.getElementById("signout-form");
  if (!form) return;
  let confirmed = false;
  const leave = async () => {
    await forgetPages().catch(() => {});
    form.submit();
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const waiting = await outbox.items(app.userId).catch(() => []);
    if (waiting.length && !confirmed) {
      app.banner.set("signout", [
        h("strong", {}, `Not synced yet: ${unsyncedWords(waiting)} on this phone. `),
        "If you sign out now they stay on this phone, and sync when you sign in again. ",
        h("button", { type: "button", class: "small", onclick: () => { app.banner.set("signout", null); app.syncer.flush("button"); } }, "Sync now"),
        " ",
        h("button", { type: "button", class: "small danger", "data-action": "signout-anyway", onclick: () => { confirmed = true; leave(); } },
          "Sign out anyway"),
      ], "warn");
      return;
    }
    await leave();
  });
}

// Forms that only the server can answer (an import, overriding a refused run) check for signal first: with
// none, the runner reads why beside the button instead of the browser's offline page, and what they chose
// stays on the form. The check is a real request, never navigator.onLine (offline.md).
function wireNeedsSignal() {
  for (const form of document.querySelectorAll("form.needs-signal")) {
    form.addEventListener("submit", async (event) => {
      if (form.dataset.signal === "checked") return;  // the submit after a successful check
      event.preventDefault();
      const said = form.querySelector(".no-signal") || form.appendChild(
        h("p", { class: "no-signal error", role: "alert" }));
      said.textContent = "";
      try {
        await fetch("/healthz", { cache: "no-store" });
      } catch {
        said.textContent = "No signal: this needs the server. Try again when you have signal.";
        return;
      }
      form.dataset.signal = "checked";
      form.submit();
    });
    addEventListener("pageshow", () => { delete form.dataset.signal; });  // back to this page: check again
  }
}

// The signup form asks for the phone's time zone, so that "today" is the runner's day from the first one.
function fillTimeZone() {
  const field = document.querySelector("form input[name=timezone][type=hidden]");
  if (!field || field.value) return;
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch { /* the server keeps UTC */ }
}

async function start() {
  showOfflineCopy();
  fillTimeZone();
  wireNeedsSignal();
  registerWorker(app);
  if (!app.userId || !("indexedDB" in self)) return;  // signed out, or no storage: plain forms it is
  if (!app.offlineCopy) {
    try {
      if (localStorage.getItem("runner-last-user") !== app.userId) {
        await forgetPages();  // another runner used this phone: their pages must not show offline
        localStorage.setItem("runner-last-user", app.userId);
      }
    } catch { /* no localStorage */ }
  }
  app.syncer = new Syncer(app.userId);
  app.view = new OutboxView(app);
  outbox.onChange(app.userId, () => app.view.render());
  app.syncer.addEventListener("state", () => app.view.render());
  app.syncer.addEventListener("synced", refreshPages);
  wireForms(app);
  wireNoPain(app);
  wireCopy();
  for (const form of document.querySelectorAll("form.entry-form[data-entry=runs]")) wirePace(form);
  wireTasks(app).catch(() => {});
  wireSignOut();
  addEventListener("online", () => app.syncer.flush("online"));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") app.syncer.flush("visible");
  });
  await app.view.render();
  app.syncer.flush("start");
  outbox.prune(app.userId).catch(() => {});
}

window.runnerApp = app;  // for the browser tests and for debugging on a phone
start();
