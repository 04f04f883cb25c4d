// What the runner sees of the outbox: the "N not synced" badge, banners (new version, sign in again, offline
// copy, sign-out warning) and the list of entries still on the phone, with conflicts and "needs attention".

import { clock, day, distance, duration, fieldName, h, problemLines, summary, words } from "./dom.js";
import * as outbox from "./outbox.js";

const SERVER_FIELDS = new Set(["id", "version", "created_at", "updated_at", "deleted", "schema_version"]);

export class Banner {
  constructor(el) {
    this.el = el;
    this.messages = new Map();
  }

  set(key, content, tone = "") {
    if (!this.el) return;
    this.messages.get(key)?.remove();
    this.messages.delete(key);
    if (content) {
      const message = h("div", { class: `banner-msg ${tone}`, "data-banner": key }, content);
      this.messages.set(key, message);
      this.el.append(message);
    }
    this.el.hidden = this.messages.size === 0;
  }
}

function pendingPanel() {
  let panel = document.getElementById("pending-list");
  if (!panel && location.pathname === "/today") {
    panel = h("div", { id: "pending-list", class: "pending", hidden: true });
    // Below the coach's alerts (a red flag comes first, always), above the day's state.
    const state = document.querySelector("main section.state");
    const heading = document.querySelector("main h1");
    if (state) state.before(panel);
    else if (heading) heading.after(panel);
    else document.querySelector("main")?.prepend(panel);
  }
  return panel;
}

function stateLine(state, count) {
  if (state.phase === "syncing") return "Sending to the server…";
  if (state.phase === "signin") return `Sign in again to sync ${plural(count, "entry", "entries")}.`;
  if (state.phase === "waiting") {
    return state.why === "server" ? "The server had a problem. Trying again by itself; nothing is lost."
      : "No connection to the server right now. Trying again by itself; nothing is lost.";
  }
  return "Waiting to send.";
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// What waits in the outbox, in the runner's words: task ticks are not logged entries.
// "2 entries", "1 task check-off", "2 entries and 1 task check-off".
export function unsyncedWords(items) {
  const ticks = items.filter((item) => item.kind === outbox.TASKS).length;
  const logged = items.length - ticks;
  return [
    logged ? plural(logged, "entry", "entries") : "",
    ticks ? plural(ticks, "task check-off", "task check-offs") : "",
  ].filter(Boolean).join(" and ");
}

function formatValue(key, value, units) {
  if (value === null || value === undefined || value === "") return "—";
  if (key === "distance_m") return distance(value, units);
  if (key === "duration_s") return duration(value);
  if (Array.isArray(value)) return key === "sets" ? `${value.length} sets` : value.map(words).join(", ") || "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return words(value);
}

function differences(mine, theirs) {
  const keys = new Set([...Object.keys(mine || {}), ...Object.keys(theirs || {})]);
  return [...keys].filter((key) => !SERVER_FIELDS.has(key) &&
    JSON.stringify(mine?.[key] ?? null) !== JSON.stringify(theirs?.[key] ?? null));
}

export class OutboxView {
  constructor(app) {
    this.app = app;
    this.badge = document.getElementById("sync-badge");
    this.panel = pendingPanel();
    this.confirmDiscard = null;
    this.pending = null;
  }

  // Many changes in a row (a batch settling, other tabs) make one redraw.
  render() {
    if (!this.pending) {
      this.pending = new Promise((resolve) => setTimeout(resolve, 30)).then(() => {
        this.pending = null;
        return this.draw();
      });
    }
    return this.pending;
  }

  async draw() {
    const app = this.app;
    let items;
    let locals;
    try {
      const rows = await outbox.itemsWithEntries(app.userId);
      items = rows.map((row) => row.item);
      locals = new Map(rows.map((row) => [row.item.id, row.local]));
    } catch {
      return;
    }
    const state = app.syncer.state;
    const count = items.length;
    if (this.badge) {
      this.badge.hidden = count === 0;
      this.badge.textContent = `${count} not synced`;
      this.badge.title = `Waiting on this phone for the server: ${unsyncedWords(items)}`;
    }
    const needsRunner = items.filter((item) => item.state !== "queued").length;
    app.banner.set("signin", state.phase === "signin" && count ? [
      `Sign in again to sync ${unsyncedWords(items)}. They are safe on this phone. `,
      h("a", { class: "button small", href: `/login?next=${encodeURIComponent(location.pathname)}` }, "Sign in"),
    ] : null, "warn");
    app.banner.set("attention", needsRunner && !this.panel ? [
      `${plural(needsRunner, "entry needs", "entries need")} your attention before it can sync. `,
      h("a", { href: "/history/#pending-list" }, "See them"),
    ] : null, "warn");
    if (this.panel) this.renderPanel(items, locals, state);
  }

  // An entry that leaves the outbox while this page is open was synced: it stays in view, marked so, rather
  // than vanishing from a page the server drew before it arrived.
  noteSynced(items) {
    this.synced ||= new Map();
    const now = new Set(items.map((item) => item.id));
    for (const [id, item] of this.shown || []) {
      if (!now.has(id) && item.kind !== outbox.TASKS && item.state === "queued") this.synced.set(id, item);
    }
    this.shown = new Map(items.map((item) => [item.id, item]));
  }

  renderPanel(items, locals, state) {
    const panel = this.panel;
    this.noteSynced(items);
    const synced = location.pathname.startsWith("/history") ? [...this.synced.values()] : [];
    panel.replaceChildren();
    panel.hidden = items.length === 0 && synced.length === 0;
    if (synced.length) {
      panel.append(h("h2", { id: "synced-h" }, "Just synced"), h("ul", { class: "entries", "aria-labelledby": "synced-h" },
        synced.map((item) => h("li", { class: "entry synced-entry", "data-id": item.id },
          h("span", { class: "when" }, day(item.body.date)),
          h("span", { class: "what" }, summary(item.kind, item.body, this.app.units)),
          h("span", { class: "status" }, "Synced")))));
    }
    if (!items.length) return;
    const queued = items.filter((item) => item.state === "queued").length;
    panel.prepend(...[
      h("div", { class: "pending-head" },
        h("h2", { id: "pending-h" }, `On this phone, not yet synced (${items.length})`),
        h("button", { type: "button", class: "small", "data-action": "sync-now",
          onclick: () => this.app.syncer.flush("button") }, "Sync now")),
      queued ? h("p", { class: "sync-line" }, stateLine(state, items.length)) : null,
      h("ul", { class: "entries", "aria-labelledby": "pending-h" }, items.map((item) => this.row(item, locals.get(item.id)))),
    ].filter(Boolean));
  }

  row(item, local) {
    const units = this.app.units;
    const editHref = local?.form ? `${local.form.path}?local=${encodeURIComponent(local.form.local)}` : null;
    const li = h("li", { class: `entry pending-entry state-${item.state}`, "data-id": item.id },
      h("span", { class: "when" }, day(item.body.date)),
      h("span", { class: "what" }, summary(item.kind, item.body, units)));
    if (item.state === "queued") {
      li.append(h("span", { class: "status" }, `Saved on phone, not yet synced · ${clock(item.saved_at)}`));
      if (editHref) li.append(h("span", { class: "actions" }, h("a", { href: editHref }, "Edit")));
    } else if (item.state === "attention") {
      li.append(h("div", { class: "problem", role: "alert" },
        h("strong", {}, "Needs attention: the server did not accept this."),
        problemLines(item.error).map((line) => h("span", { class: "problem-line" }, line))));
      const confirming = this.confirmDiscard === item.id;
      li.append(h("span", { class: "actions" },
        editHref ? h("a", { class: "button small", href: editHref }, "Fix it") : null,
        h("button", { type: "button", class: `small${confirming ? " danger" : ""}`, "data-action": "discard",
          onclick: () => this.discard(item.id) }, confirming ? "Tap again to delete it from this phone" : "Discard")));
    } else if (item.state === "conflict") {
      li.append(this.conflict(item, units));
    }
    return li;
  }

  conflict(item, units) {
    const keys = differences(item.body, item.server);
    const table = h("table", { class: "versions" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, ""), h("th", { scope: "col" }, "This phone"),
        h("th", { scope: "col" }, "Server"))),
      h("tbody", {}, keys.map((key) => h("tr", {}, h("th", { scope: "row" }, fieldName(key)),
        h("td", {}, formatValue(key, item.body[key], units)), h("td", {}, formatValue(key, item.server?.[key], units))))));
    return h("div", { class: "conflict", role: "alert" },
      h("strong", {}, "Changed somewhere else too. Which version is right?"),
      table,
      h("span", { class: "actions" },
        h("button", { type: "button", class: "small", "data-action": "keep-mine", onclick: async () => {
          await outbox.keepMine(this.app.userId, item.id);
          this.app.syncer.flush("conflict");
        } }, "Keep this phone's"),
        h("button", { type: "button", class: "small", "data-action": "keep-theirs", onclick: () =>
          outbox.keepTheirs(this.app.userId, item.id) }, "Keep the server's")));
  }

  async discard(id) {
    if (this.confirmDiscard !== id) {
      this.confirmDiscard = id;
      this.render();
      return;
    }
    this.confirmDiscard = null;
    await outbox.discard(this.app.userId, id);
  }
}
