// The flusher: sends the outbox to the server, one flush at a time across every tab (Web Locks), in
// batches through POST /api/v1/sync, each op a PUT to the entry's own URL so a retry is harmless; task
// check-offs from the same outbox go one by one as PUT /api/v1/tasks/{date}/{key}.
// Answers decide each item's fate (shared/offline.md): 2xx synced, 412 conflict, 400/422 needs attention,
// network error / 408 / 429 / 5xx kept and retried with backoff, 401 / 403 kept and the queue paused.

import * as outbox from "./outbox.js";

const BATCH_OPS = 100;
const BATCH_BYTES = 512 * 1024;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 20000;
const RETRYABLE = (status) => status === 408 || status === 429 || status >= 500;

class Retry extends Error {
  constructor(why, afterMs = 0) {
    super(why);
    this.why = why;
    this.afterMs = afterMs;
  }
}

class SignIn extends Error {}

export class Syncer extends EventTarget {
  constructor(userId) {
    super();
    this.userId = userId;
    this.failures = 0;
    this.timer = null;
    this.running = null;
    this.again = false;
    this.state = { phase: "idle", why: null, nextTryAt: null };
    this.mode = "batch";  // "single": one PUT per item (used when the batch endpoint is refused)
    this.synced = 0;  // items the server took in the current flush
  }

  set(phase, why = null, nextTryAt = null) {
    this.state = { phase, why, nextTryAt };
    this.dispatchEvent(new Event("state"));
  }

  // Ask for a flush. Never skipped because navigator.onLine says false: only a real try tells.
  flush(reason = "") {
    if (reason === "online" || reason === "button") this.failures = 0;  // a new network, or a runner waiting
    if (this.running) {
      this.again = true;
      return this.running;
    }
    clearTimeout(this.timer);
    this.timer = null;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.locked(() => this.flushOnce(reason));
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  locked(work) {
    if (navigator.locks?.request) return navigator.locks.request(`runner-flush-u${this.userId}`, work);
    return work();
  }

  async flushOnce() {
    let items = await outbox.queued(this.userId);
    if (!items.length) {
      this.failures = 0;
      this.set("idle");
      return;
    }
    this.set("syncing");
    this.synced = 0;
    try {
      let token = await this.session();
      while (items.length) {
        if (!batchable(items[0])) {
          // A task check-off goes to its own URL (the batch endpoint takes entries only).
          token = await this.sendOne(items[0], token);
          items = items.slice(1);
          continue;
        }
        const batch = take(items);
        items = items.slice(batch.length);
        token = await this.send(batch, token);
      }
      this.failures = 0;
      this.set("idle");
      if (this.synced) this.dispatchEvent(new Event("synced"));
    } catch (error) {
      if (this.synced) this.dispatchEvent(new Event("synced"));
      if (error instanceof SignIn) {
        this.set("signin");  // paused: nothing is sent until the runner signs in again
      } else {
        this.retryLater(error instanceof Retry ? error : new Retry("network"));
      }
    }
  }

  retryLater(error) {
    this.failures += 1;
    const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.failures - 1));
    const delay = Math.max(error.afterMs, base / 2 + Math.random() * (base / 2));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush("timer"), delay);
    this.set("waiting", error.why, Date.now() + delay);
  }

  // Who is signed in, with a fresh CSRF token. Entries go only to the runner they belong to.
  async session() {
    const response = await request("/pwa/session", { cache: "no-store" });
    if (response.status === 401 || response.status === 403) throw new SignIn();
    if (RETRYABLE(response.status) || !response.ok) throw new Retry("server", retryAfter(response));
    const who = await response.json().catch(() => null);
    if (!who) throw new Retry("server");
    if (String(who.user_id) !== String(this.userId)) throw new SignIn();
    return who.csrf_token;
  }

  async send(batch, token, csrfRetried = false) {
    if (this.mode === "single") {
      for (const item of batch) token = await this.sendOne(item, token);
      return token;
    }
    const ops = batch.map((item) => ({ method: "PUT", path: `/${item.kind}/${item.id}`, if_match: item.if_match,
      body: item.body }));
    const response = await request("/api/v1/sync", {
      method: "POST", headers: headers(token), body: JSON.stringify({ ops }),
    });
    if (response.status === 200) {
      const answer = await response.json().catch(() => null);
      if (!answer || !Array.isArray(answer.results) || answer.results.length !== batch.length) {
        throw new Retry("server");
      }
      const settled = answer.results.map((result, index) => ({ item: batch[index], ...result }))
        .filter((one) => !RETRYABLE(one.status));
      await this.settle(settled);
      if (settled.length < batch.length) throw new Retry("server");
      return token;
    }
    const refreshed = await this.refusal(response, token, csrfRetried);
    if (refreshed) return this.send(batch, refreshed, true);
    // The batch endpoint itself was refused (an older server, say): send each item to its own URL.
    this.mode = "single";
    return this.send(batch, token);
  }

  async sendOne(item, token, csrfRetried = false) {
    const { url, body: payload } = target(item);
    const extra = item.if_match ? { "If-Match": `"${item.if_match}"` } : {};
    const response = await request(url, {
      method: "PUT", headers: { ...headers(token), ...extra }, body: JSON.stringify(payload),
    });
    if (response.type === "opaqueredirect") throw new SignIn();
    const body = await response.json().catch(() => null);
    if ((response.status >= 200 && response.status < 300) || response.status === 412 || response.status === 422 ||
        (response.status === 400 && !isCsrfProblem(body)) || response.status === 404) {
      await this.settle([{ item, status: response.status, body }]);
      return token;
    }
    const refreshed = await this.refusal(response, token, csrfRetried, body);
    if (refreshed) return this.sendOne(item, refreshed, true);
    await this.settle([{ item, status: response.status, body }]);  // another 4xx: needs the runner
    return token;
  }

  async settle(answers) {
    await outbox.settle(this.userId, answers);
    this.synced += answers.filter((one) => one.status >= 200 && one.status < 300).length;
  }

  // A refusal of the whole request: throws to retry later or to pause; returns a new token to try again
  // with when the CSRF token went stale; returns null when the request itself is not acceptable.
  async refusal(response, token, csrfRetried, body) {
    if (RETRYABLE(response.status)) throw new Retry("server", retryAfter(response));
    if (response.status === 401 || response.status === 403) throw new SignIn();
    if (response.type === "opaqueredirect") throw new SignIn();  // sent to a sign-in page
    const problem = body === undefined ? await response.json().catch(() => null) : body;
    if (response.status === 400 && isCsrfProblem(problem)) {
      if (csrfRetried) throw new SignIn();
      return this.session();
    }
    return null;
  }
}

function batchable(item) {
  return item.kind !== outbox.TASKS;
}

// Where an item is PUT, and what is sent: an entry to its own URL; a task check-off as
// PUT /api/v1/tasks/{date}/{key} {"done": true|false} (idempotent).
function target(item) {
  if (item.kind === outbox.TASKS) {
    const { date, key, done } = item.body;
    return { url: `/api/v1/tasks/${encodeURIComponent(date)}/${encodeURIComponent(key)}`, body: { done } };
  }
  return { url: `/api/v1/${item.kind}/${item.id}`, body: item.body };
}

// Consecutive entries, up to the batch limits (a task check-off ends the batch).
function take(items) {
  const batch = [];
  let bytes = 0;
  for (const item of items) {
    if (!batchable(item)) break;
    const size = JSON.stringify(item.body).length + 100;
    if (batch.length && (batch.length >= BATCH_OPS || bytes + size > BATCH_BYTES)) break;
    batch.push(item);
    bytes += size;
  }
  return batch;
}

function headers(token) {
  return { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token };
}

function isCsrfProblem(problem) {
  return Boolean(problem && typeof problem.title === "string" && problem.title.startsWith("CSRF"));
}

function retryAfter(response) {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_DELAY_MS) : 0;
}

// fetch with a time limit: an answer that never comes is a network error, and the item stays queued.
async function request(url, options) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(url, { credentials: "same-origin", redirect: "manual", ...options,
      signal: controller.signal });
  } catch {
    throw new Retry("network");
  } finally {
    clearTimeout(timer);
  }
}
