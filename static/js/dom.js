// Small DOM and wording helpers. Text always goes in as text (never as HTML): notes and server messages are
// data.

import { formatDuration } from "./durations.js";

export const KM_PER_MILE = 1.609344;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.content || "";
}

export function words(slug) {
  return String(slug || "").replace(/[_-]/g, " ");
}

// As filters.distance on the server: one decimal everywhere ("8.0 km", "7.3 km").
export function distance(metres, units) {
  if (metres === null || metres === undefined) return "";
  const value = (units === "mi" ? metres / 1000 / KM_PER_MILE : metres / 1000).toFixed(1);
  return `${value} ${units === "mi" ? "mi" : "km"}`;
}

// As filters.duration on the server: h:mm:ss, m:ss under an hour.
export function duration(seconds) {
  return seconds ? formatDuration(seconds) : "";
}

export function day(isoDate) {
  const [y, m, d] = String(isoDate).split("-").map(Number);
  if (!y) return "";
  return new Date(y, m - 1, d).toLocaleDateString("en-GB", { weekday: "short", day: "numeric" });
}

export function clock(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return "";
  const sameDay = when.toDateString() === new Date().toDateString();
  const time = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return sameDay ? `${time} today` : `${time} on ${when.toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`;
}

export function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// One line about an entry, as History shows it (templates/history/_entry.html).
export function summary(kind, body, units) {
  if (kind === "runs") {
    return [h("strong", {}, `${cap(body.kind)} run`), ` ${distance(body.distance_m, units)} in ${duration(body.duration_s)}`,
      body.rpe !== null && body.rpe !== undefined ? ` · RPE ${body.rpe}` : ""];
  }
  if (kind === "pain") {
    return [h("strong", {}, `Pain ${body.score}/10`), ` ${words(body.location)} (${body.side}), ${words(body.context)}`];
  }
  if (kind === "tasks") {
    return [h("strong", {}, body.title || cap(words(body.key))), body.done ? " · marked done" : " · marked not done"];
  }
  if (kind === "strength") {
    return [h("strong", {}, "Strength"), ` ${duration(body.duration_s)} · ${(body.sets || []).length} sets`];
  }
  return [h("strong", {}, cap(body.kind)), ` ${duration(body.duration_s)}`,
    body.rpe !== null && body.rpe !== undefined ? ` · RPE ${body.rpe}` : ""];
}

export function cap(text) {
  const s = String(text || "");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const FIELD_NAMES = {
  date: "Date", distance_m: "Distance", duration_s: "Time", rpe: "Effort", score: "Pain score",
  location: "Where", side: "Side", context: "When", notes: "Notes", cadence_spm: "Cadence", shoe_id: "Shoes", sets: "Exercises",
  pain_max: "Worst pain", kind: "Kind", terrain: "Terrain", flags: "Flags", body: "Entry",
};

export function fieldName(key) {
  return FIELD_NAMES[String(key).split(".")[0]] || cap(words(key));
}

// The server's problem+json as sentences a runner can act on.
export function problemLines(error) {
  if (!error) return [];
  const lines = [];
  for (const [field, messages] of Object.entries(error.errors || {})) {
    const name = fieldName(field);
    for (const message of messages) lines.push(`${name}: ${message}`);
  }
  if (!lines.length) lines.push(error.detail || error.title || `The server refused it (${error.status}).`);
  return lines;
}
