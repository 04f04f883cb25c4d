// The service worker's side of the page: register it, keep today's pages on the phone, and show a
// "new version" banner instead of swapping the app under a runner mid-entry.

import { h } from "./dom.js";

const PAGES_TO_KEEP = ["/today", "/history/", "/log/run", "/log/pain", "/log/strength", "/log/cross-training"];
const UPDATE_CHECK_MS = 30 * 60 * 1000;

export async function registerWorker(app) {
  if (!("serviceWorker" in navigator)) return null;
  let registration;
  try {
    registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  } catch (error) {
    console.warn("service worker not registered", error);
    return null;
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  const offer = (worker) => offerUpdate(app, worker);
  if (registration.waiting && hadController) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const incoming = registration.installing;
    incoming?.addEventListener("statechange", () => {
      if (incoming.state === "installed" && navigator.serviceWorker.controller) offer(incoming);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (app.reloadRequested && !reloading) {
      reloading = true;
      location.reload();
    } else if (hadController && !app.reloadRequested) {
      app.banner.set("update", ["The app was updated in another tab. ",
        h("button", { type: "button", class: "small", onclick: () => reload(app) }, "Reload")], "info");
    }
  });
  const check = () => registration.update().catch(() => {});
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
  setInterval(check, UPDATE_CHECK_MS);
  if (app.userId) {
    navigator.serviceWorker.ready.then((ready) => ready.active?.postMessage({ type: "WARM", urls: PAGES_TO_KEEP }));
  }
  return registration;
}

function offerUpdate(app, worker) {
  app.waitingWorker = worker;
  app.banner.set("update", ["A new version of the app is ready. What you typed is kept. ",
    h("button", { type: "button", class: "small", "data-action": "reload", onclick: () => reload(app) }, "Reload")],
  "info");
}

function reload(app) {
  for (const keep of app.beforeReload) keep();  // drafts first: they survive the reload
  app.reloadRequested = true;
  if (app.waitingWorker) app.waitingWorker.postMessage({ type: "SKIP_WAITING" });
  else location.reload();
}

// Fresh copies of the pages that list entries, once the server has new ones (so they show offline too).
export function refreshPages() {
  navigator.serviceWorker?.controller?.postMessage({ type: "WARM", urls: ["/today", "/history/"], refresh: true });
}

// Signed out: nobody's pages stay on the phone (the outbox stays, kept per runner, for their next sign-in).
export async function forgetPages() {
  navigator.serviceWorker?.controller?.postMessage({ type: "PURGE" });
  if ("caches" in self) await Promise.all([caches.delete("runner-pages"), caches.delete("runner-data")]);
}
