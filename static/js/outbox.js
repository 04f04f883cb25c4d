// The outbox (shared/offline.md): what the runner logged, kept on the phone until the server has it.
//
// `entries` holds the local copy of each entry; `outbox` holds one item per entry still to send, with the
// state "queued" (to send), "conflict" (the server has another version: the runner chooses) or "attention"
// (the server refused it: the runner fixes it). Every change that touches both is one transaction.
//
// Task check-offs ride in the same outbox (kind "tasks", one item per day and task, id "task:<date>:<key>"),
// so the one flusher sends them and the badge counts them: a later tap replaces the item with a new revision,
// so the last tap is what reaches the server.

import { req, transact } from "./idb.js";

export const SCHEMA_VERSION = 1;
const STORES = ["entries", "outbox", "meta"];
const SYNCED_KEPT_DAYS = 14;

const listeners = new Set();
let channel = null;

// Tell this tab and the others that the outbox changed (badges, lists).
function changed(userId) {
  for (const listener of listeners) listener();
  if (!channel && "BroadcastChannel" in self) channel = new BroadcastChannel(`runner-outbox-u${userId}`);
  channel?.postMessage("changed");
}

export function onChange(userId, listener) {
  listeners.add(listener);
  if (!channel && "BroadcastChannel" in self) channel = new BroadcastChannel(`runner-outbox-u${userId}`);
  if (channel) channel.onmessage = () => { for (const l of listeners) l(); };
}

function serverFieldsDropped(body) {
  const copy = { ...body };
  for (const key of ["version", "created_at", "updated_at", "deleted"]) delete copy[key];
  return copy;
}

// Save entries made by one form (a run and the pain felt on it, for instance) in one transaction.
// writes: [{id, kind, body, ifMatch, fields, form}] where `form` says which page and entry can edit it.
export async function save(userId, writes) {
  await transact(userId, STORES, "readwrite", async ({ entries, outbox, meta }) => {
    let seq = (await req(meta.get("seq"))) || 0;
    const now = new Date().toISOString();
    for (const write of writes) {
      const local = await req(entries.get(write.id));
      const item = await req(outbox.get(write.id));
      let ifMatch = write.ifMatch || null;
      if (item) {
        ifMatch = item.if_match ?? ifMatch;  // a pending edit keeps what it was based on
      } else if (local?.server_version && Number(local.server_version) >= Number(ifMatch || 0)) {
        ifMatch = String(local.server_version);  // this phone's own last sync is newer than the page
      }
      seq += 1;
      const body = { ...write.body, schema_version: SCHEMA_VERSION };
      await req(entries.put({
        id: write.id, kind: write.kind, body, fields: write.fields, form: write.form, status: "pending",
        saved_at: now, server_version: local?.server_version ?? null,
      }));
      await req(outbox.put({
        id: write.id, kind: write.kind, body, if_match: ifMatch, state: "queued", seq,
        rev: (item?.rev || 0) + 1, saved_at: now, error: null, server: null,
      }));
    }
    await req(meta.put(seq, "seq"));
  });
  changed(userId);
}

export const TASKS = "tasks";

export function taskId(date, key) {
  return `task:${date}:${key}`;
}

// A task ticked or un-ticked: its local copy and its outbox item, in one transaction.
export async function checkTask(userId, { date, key, done, title }) {
  const id = taskId(date, key);
  await transact(userId, STORES, "readwrite", async ({ entries, outbox, meta }) => {
    const seq = ((await req(meta.get("seq"))) || 0) + 1;
    const item = await req(outbox.get(id));
    const now = new Date().toISOString();
    const body = { date, key, title: title || key, done: Boolean(done) };
    await req(entries.put({ id, kind: TASKS, body, status: "pending", saved_at: now }));
    await req(outbox.put({ id, kind: TASKS, body, if_match: null, state: "queued", seq, rev: (item?.rev || 0) + 1,
      saved_at: now, error: null, server: null }));
    await req(meta.put(seq, "seq"));
  });
  changed(userId);
  return id;
}

// What this phone knows of the task check-offs: [{local, item}] for each task it has a copy of.
export async function taskChecks(userId) {
  const [all, locals] = await transact(userId, ["outbox", "entries"], "readonly", ({ outbox, entries }) =>
    Promise.all([req(outbox.getAll()), req(entries.getAll())]));
  const items = new Map(all.filter((item) => item.kind === TASKS).map((item) => [item.id, item]));
  return locals.filter((local) => local.kind === TASKS).map((local) => ({ local, item: items.get(local.id) || null }));
}

export async function items(userId) {
  const all = await transact(userId, ["outbox"], "readonly", ({ outbox }) => req(outbox.getAll()));
  return all.sort((a, b) => a.seq - b.seq);
}

export async function queued(userId) {
  return (await items(userId)).filter((item) => item.state === "queued");
}

export async function entry(userId, id) {
  return transact(userId, ["entries"], "readonly", ({ entries }) => req(entries.get(id)));
}

// Settle sent items with the server's answers, in one transaction: [{item, status, body}]. `item.rev` is the
// revision that was sent: if the runner saved the entry again meanwhile, the newer revision stays queued, now
// based on the version the server made.
export async function settle(userId, answers) {
  await transact(userId, STORES, "readwrite", async ({ entries, outbox }) => {
    for (const { item, status, body } of answers) await settleOne(entries, outbox, item, status, body);
  });
  changed(userId);
}

async function settleOne(entries, outbox, item, status, body) {
  const current = await req(outbox.get(item.id));
  const local = await req(entries.get(item.id));
  const same = current && current.rev === item.rev;
  if (status >= 200 && status < 300) {
    if (same) {
      await req(outbox.delete(item.id));
    } else if (current) {
      // A task check has no version: the newer tap is simply sent next.
      await req(outbox.put({ ...current, if_match: body?.version != null ? String(body.version) : current.if_match }));
    }
    if (local) {
      await req(entries.put({ ...local, status: same ? "synced" : "pending",
        server_version: body?.version ?? local.server_version ?? null, synced_at: new Date().toISOString() }));
    }
  } else if (same && status === 412) {
    await req(outbox.put({ ...current, state: "conflict", server: body }));
    if (local) await req(entries.put({ ...local, status: "conflict" }));
  } else if (same) {
    await req(outbox.put({ ...current, state: "attention", error: { status, ...(body || {}) } }));
    if (local) await req(entries.put({ ...local, status: "attention" }));
  }
}

// The outbox with each item's local copy, read in one transaction (for the lists).
export async function itemsWithEntries(userId) {
  const [all, locals] = await transact(userId, ["outbox", "entries"], "readonly", ({ outbox, entries }) =>
    Promise.all([req(outbox.getAll()), req(entries.getAll())]));
  const byId = new Map(locals.map((local) => [local.id, local]));
  return all.sort((a, b) => a.seq - b.seq).map((item) => ({ item, local: byId.get(item.id) }));
}

// 412, the runner chose the server's version: the phone's copy becomes the server's, nothing is sent.
export async function keepTheirs(userId, id) {
  await transact(userId, STORES, "readwrite", async ({ entries, outbox }) => {
    const item = await req(outbox.get(id));
    if (!item || item.state !== "conflict") return;
    const local = await req(entries.get(id));
    await req(outbox.delete(id));
    await req(entries.put({ ...(local || { id, kind: item.kind }), body: serverFieldsDropped(item.server),
      status: "synced", server_version: item.server.version, synced_at: new Date().toISOString() }));
  });
  changed(userId);
}

// 412, the runner chose this phone's version: send it again as an edit of the server's current version.
export async function keepMine(userId, id) {
  await transact(userId, STORES, "readwrite", async ({ entries, outbox }) => {
    const item = await req(outbox.get(id));
    if (!item || item.state !== "conflict") return;
    await req(outbox.put({ ...item, state: "queued", if_match: String(item.server.version), server: null,
      rev: item.rev + 1 }));
    const local = await req(entries.get(id));
    if (local) await req(entries.put({ ...local, status: "pending" }));
  });
  changed(userId);
}

// The runner deleted an entry the server refused (never done without them asking).
export async function discard(userId, id) {
  await transact(userId, STORES, "readwrite", async ({ entries, outbox }) => {
    await req(outbox.delete(id));
    await req(entries.delete(id));
  });
  changed(userId);
}

// Forget synced local copies after a while: the server has them.
export async function prune(userId) {
  const cutoff = Date.now() - SYNCED_KEPT_DAYS * 86400e3;
  await transact(userId, ["entries"], "readwrite", async ({ entries }) => {
    for (const local of await req(entries.getAll())) {
      if (local.status === "synced" && Date.parse(local.synced_at || 0) < cutoff) await req(entries.delete(local.id));
    }
  });
}

export async function flag(userId, name, value) {
  return transact(userId, ["meta"], "readwrite", async ({ meta }) => {
    const before = await req(meta.get(name));
    if (value !== undefined) await req(meta.put(value, name));
    return before;
  });
}
