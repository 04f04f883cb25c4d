/* Runner's service worker (shared/offline.md).
 * - The app shell (CSS, JS, icons, the offline page) is precached in a cache named after a hash of the
 *   static files; old shells are deleted only when a new one is complete and active.
 * - Pages: network first with a short timeout, then the last good copy, then /offline.
 * - Static files: cache first. GET /api/v1/today: network first, then the last copy.
 * - Never a write: non-GET requests are not touched. The page's outbox is the one queue.
 */
const VERSION = {{ version|tojson }};
const SHELL = "runner-shell-" + VERSION;
const PAGES = "runner-pages";  // last good copy of each page; kept across deploys, purged on sign-out
const DATA = "runner-data";    // last good copy of GET /api/v1/today
const PRECACHE = {{ precache|tojson }};
const PAGE_TIMEOUT_MS = 3000;  // with a copy on the phone, a slow network is not waited for longer
const NO_COPY_TIMEOUT_MS = 15000;
const DATA_TIMEOUT_MS = 4000;
const FETCHED_AT = "X-Runner-Fetched-At";
const CACHEABLE_PAGES = new Set(["/today", "/history/", "/log/run", "/log/pain", "/log/strength",
  "/log/cross-training"]);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    if (await caches.has(SHELL)) return;  // the same version again: the complete shell is already there
    const cache = await caches.open(SHELL);
    try {
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload", credentials: "same-origin" })));
    } catch (error) {
      await caches.delete(SHELL);  // an incomplete shell is never used; the old worker stays in charge
      throw error;
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("runner-shell-") && key !== SHELL) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "SKIP_WAITING") {
    self.skipWaiting();  // only when the runner tapped "Reload" on the new-version banner
  } else if (message.type === "VERSION") {
    event.ports[0]?.postMessage({ version: VERSION });
  } else if (message.type === "WARM") {
    event.waitUntil(warm(message.urls || [], Boolean(message.refresh)));
  } else if (message.type === "PURGE") {
    event.waitUntil(Promise.all([caches.delete(PAGES), caches.delete(DATA)]));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, url));
  } else if (url.pathname.startsWith("/static/") || url.pathname === "/manifest.webmanifest") {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === "/api/v1/today") {
    event.respondWith(networkFirstData(event));
  }
});

function pageKey(url) {
  return CACHEABLE_PAGES.has(url.pathname) && !url.search ? url.pathname : null;
}

function fallbackKey(url) {
  if (url.pathname === "/") return "/today";
  if (url.pathname.startsWith("/log/") && CACHEABLE_PAGES.has(url.pathname)) return url.pathname;
  return pageKey(url);
}

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set(FETCHED_AT, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function remember(cacheName, key, response) {
  if (!response.ok || response.redirected || response.type !== "basic") return;
  if (!(response.headers.get("Content-Type") || "").match(/text\/html|application\/json/)) return;
  const cache = await caches.open(cacheName);
  await cache.put(key, await stamped(response));
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); },
      (error) => { clearTimeout(timer); reject(error); });
  });
}

/* A page from the cache says so: a meta tag the page's script turns into "offline copy, as of <time>". */
async function asOfflineCopy(cached) {
  const fetchedAt = cached.headers.get(FETCHED_AT) || "";
  const html = (await cached.text()).replace(/<head>/i,
    `<head><meta name="runner-offline-copy" content="${fetchedAt.replace(/[^0-9TZ:.+-]/g, "")}">`);
  const headers = new Headers(cached.headers);
  headers.delete("Content-Length");
  return new Response(html, { status: 200, headers });
}

async function offlinePage() {
  const shell = await caches.open(SHELL);
  return (await shell.match("/offline")) ||
    new Response("<!doctype html><title>Offline</title><p>You are offline.</p>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function navigate(event, url) {
  const key = pageKey(url);
  const copyKey = fallbackKey(url);
  const copy = copyKey ? await (await caches.open(PAGES)).match(copyKey) : undefined;
  const network = fetch(event.request);
  if (key) {
    event.waitUntil(network.then(async (response) => {
      if (response.type === "opaqueredirect") {
        // A page that needs a signed-in runner redirected: signed out, so nobody's pages stay on the phone.
        await Promise.all([caches.delete(PAGES), caches.delete(DATA)]);
      } else {
        await remember(PAGES, key, response.clone());
      }
    }).catch(() => {}));
  }
  try {
    return await withTimeout(network, copy ? PAGE_TIMEOUT_MS : NO_COPY_TIMEOUT_MS);
  } catch {
    return copy ? asOfflineCopy(copy) : offlinePage();
  }
}

async function cacheFirst(request) {
  const shell = await caches.open(SHELL);
  const hit = await shell.match(request, { ignoreSearch: true });
  return hit || fetch(request);
}

async function networkFirstData(event) {
  const request = event.request;
  const network = fetch(request);
  event.waitUntil(network.then((response) => remember(DATA, request.url, response.clone())).catch(() => {}));
  try {
    return await withTimeout(network, DATA_TIMEOUT_MS);
  } catch {
    const copy = await (await caches.open(DATA)).match(request.url);
    if (!copy) {
      return new Response(JSON.stringify({ type: "about:blank", title: "Offline", status: 503,
        detail: "No copy of this on the phone yet." }),
      { status: 503, headers: { "Content-Type": "application/problem+json" } });
    }
    const headers = new Headers(copy.headers);
    headers.set("X-Runner-Offline-Copy", copy.headers.get(FETCHED_AT) || "");
    return new Response(await copy.blob(), { status: 200, headers });
  }
}

/* Keep a copy of the pages a runner needs with no signal, so a form never seen online still opens. */
async function warm(urls, refresh) {
  const cache = await caches.open(PAGES);
  for (const path of urls) {
    if (!CACHEABLE_PAGES.has(path) || (!refresh && await cache.match(path))) continue;
    try {
      const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
      await remember(PAGES, path, response);
    } catch {
      return;  // offline: try again next start
    }
  }
}

/* The daily reminder (Web Push): the server sends {title, body, url}; a tap opens that page of this app. */
self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(self.registration.showNotification(message.title || "Runner", {
    body: message.body || "Today's training is ready.",
    icon: "/static/icons/icon-192.png",
    tag: "daily-reminder",  // today's reminder replaces yesterday's unread one
    data: { url: message.url || "/today" },
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  let url = new URL((event.notification.data && event.notification.data.url) || "/today", self.location.origin);
  if (url.origin !== self.location.origin) url = new URL("/today", self.location.origin);
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
      if (new URL(client.url).pathname === url.pathname && "focus" in client) return client.focus();
    }
    return self.clients.openWindow(url.href);
  })());
});
