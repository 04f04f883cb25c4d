// Logging forms, offline first: Save writes the entry on the phone (one IndexedDB transaction with its outbox
// item), says so, then asks for a flush. With JavaScript off the same forms post to the server as before.

import { h, localToday, problemLines } from "./dom.js";
import * as outbox from "./outbox.js";
import { fieldsOf, fill, missing, outOfRange, writesOf } from "./payloads.js";
import { afterPlannedRun, tickTask } from "./plan_done.js";
import { showSaved } from "./saved_note.js";

const DRAFT_MAX_AGE_MS = 24 * 3600e3;
const ENTRY_IDS = new Set(["id", "pain_id"]);  // minted per new entry: never carried into another tab's form

export function wireForms(app) {
  for (const form of document.querySelectorAll("form.entry-form[data-entry]")) wireForm(form, app);
}

function isNew(form) {
  return !form.elements.version?.value && !/\/log\/[a-z-]+\/[0-9a-f-]{36}$/.test(location.pathname);
}

function newIds(form) {
  if (form.elements.id) form.elements.id.value = crypto.randomUUID();
  if (form.elements.pain_id) form.elements.pain_id.value = crypto.randomUUID();
}

function draftKey(app) {
  return `runner-draft-u${app.userId}:${location.pathname}${location.search}`;
}

async function wireForm(form, app) {
  const kind = form.dataset.entry;
  const status = form.querySelector(".save-status");
  const params = new URLSearchParams(location.search);
  const localId = params.get("local");
  let restored = false;
  if (localId) {
    restored = await openLocal(form, app, localId, status);
  } else {
    if (isNew(form)) {
      // A page from the cache carries the id and date it was rendered with: every new entry gets its own id.
      newIds(form);
      if (app.offlineCopy) {
        if (form.elements.date) form.elements.date.value = localToday();
        for (const [name, value] of params) if (form.elements[name] && name !== "id") form.elements[name].value = value;
      }
    }
    restored = restoreDraft(form, app, status);
  }
  if (!restored && status) status.textContent = "";

  let timer = null;
  const keepDraft = () => {
    form.dataset.dirty = "1";
    clearTimeout(timer);
    timer = setTimeout(() => saveDraft(form, app), 250);
  };
  form.addEventListener("input", keepDraft);
  form.addEventListener("change", keepDraft);
  app.beforeReload.push(() => saveDraft(form, app));
  addEventListener("pagehide", () => saveDraft(form, app));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await submit(form, kind, app, status);
  });
  form.dataset.ready = "1";  // the page is now saving on the phone (tests wait for this)
}

async function openLocal(form, app, localId, status) {
  const local = await outbox.entry(app.userId, localId).catch(() => null);
  if (!local || !local.fields) {
    say(status, "That entry is no longer on this phone.", "bad");
    return false;
  }
  fill(form, local.fields);
  const item = (await outbox.items(app.userId)).find((one) => one.id === localId);
  const lines = item?.state === "attention" ? problemLines(item.error) : [];
  say(status, lines.length ? "Fix this, then save again:" : "Editing the copy on this phone.", lines.length ? "bad" : "");
  for (const line of lines) status.append(h("span", { class: "problem-line" }, line));
  return true;
}

function say(status, text, tone = "") {
  if (!status) return;
  status.textContent = text;
  status.className = `save-status${tone ? ` ${tone}` : ""}`;
}

function showMissing(form, gaps) {
  for (const old of form.querySelectorAll(".js-error")) old.remove();
  for (const [name, message] of gaps) {
    const el = form.elements[name];
    const anchor = (el instanceof RadioNodeList ? el[0] : el)?.closest("fieldset, .field") || form;
    anchor.append(h("p", { class: "error js-error" }, message));
  }
  if (gaps.length) {
    const first = form.elements[gaps[0][0]];
    (first instanceof RadioNodeList ? first[0] : first)?.focus();
  }
}

async function submit(form, kind, app, status) {
  const fields = fieldsOf(form);
  const gaps = [...missing(kind, fields), ...outOfRange(kind, fields, { units: app.units, today: localToday() })];
  showMissing(form, gaps);
  if (gaps.length) {
    say(status, "Not saved yet: fix what is marked.", "bad");
    return;
  }
  const formRef = { path: location.pathname, local: fields.find(([name]) => name === "id")?.[1] };
  const writes = writesOf(kind, fields, { units: app.units, measures: measuresOf(form) })
    .map((write) => ({ ...write, fields, form: formRef }));
  try {
    await outbox.save(app.userId, writes);
  } catch (error) {
    say(status, "NOT saved: this phone's storage refused it. ", "bad");
    status.append(h("button", { type: "button", class: "small", onclick: () => form.submit() },
      "Send it straight to the server"));
    console.warn("outbox save failed", error);  // handled: the runner is told, and offered the plain post
    return;
  }
  clearDraft(app);
  delete form.dataset.dirty;
  if (isNew(form)) await tickTask(form, app);
  say(status, "Saved on this phone.", "ok");
  const flushing = app.afterSave(writes.map((write) => write.id), status);
  if (form.dataset.then) return afterPlannedRun(form, app, flushing);
  if (isNew(form)) showSaved(form, kind, writes, app.units);
  if (isNew(form) && !new URLSearchParams(location.search).get("local")) freshForm(form, app);
}

function freshForm(form, app) {
  form.reset();
  newIds(form);
  for (const old of form.querySelectorAll(".js-error")) old.remove();
  if (app.offlineCopy && form.elements.date) form.elements.date.value = localToday();
}

function measuresOf(form) {
  try {
    return JSON.parse(form.dataset.measures || "{}");
  } catch {
    return {};
  }
}

// Drafts are shared by every tab (localStorage); the tab that typed one is known by an id kept in this tab's
// sessionStorage, which a reload keeps and another tab does not have.
function tabId() {
  try {
    let id = sessionStorage.getItem("runner-tab");
    if (!id) sessionStorage.setItem("runner-tab", (id = crypto.randomUUID()));
    return id;
  } catch {
    return "";  // storage blocked: every restored draft gets fresh ids
  }
}

function saveDraft(form, app) {
  if (form.dataset.dirty !== "1") return;  // nothing typed: nothing to keep
  try {
    const draft = { at: Date.now(), tab: tabId(), fields: fieldsOf(form) };
    localStorage.setItem(draftKey(app), JSON.stringify(draft));
  } catch { /* storage full or blocked: drafts are a nicety */ }
}

function restoreDraft(form, app, status) {
  let draft = null;
  try {
    draft = JSON.parse(localStorage.getItem(draftKey(app)) || "null");
  } catch { /* unreadable draft */ }
  if (!draft || Date.now() - draft.at > DRAFT_MAX_AGE_MS) return false;
  // A draft of an edit is only good for the version it was typed over.
  const version = draft.fields.find(([name]) => name === "version")?.[1] || "";
  if (version !== (form.elements.version?.value || "")) return false;
  // A new entry's draft keeps its ids only in the tab that typed it (a reload): in another tab it is another
  // entry, or saving in both tabs would make one silently replace the other. An edit keeps the saved entry's.
  const ours = draft.tab && draft.tab === tabId();
  fill(form, isNew(form) && !ours ? draft.fields.filter(([name]) => !ENTRY_IDS.has(name)) : draft.fields);
  form.dataset.dirty = "1";
  say(status, "Your unsaved entry was kept. ");
  status?.append(h("button", { type: "button", class: "small link", onclick: () => {
    clearDraft(app);
    delete form.dataset.dirty;
    if (isNew(form)) freshForm(form, app);
    else form.reset();  // back to the stored entry as the page showed it
    say(status, "");
  } }, "Start again"));
  return true;
}

function clearDraft(app) {
  try {
    localStorage.removeItem(draftKey(app));
  } catch { /* nothing to clear */ }
}
