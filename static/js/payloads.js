// From a logging form's fields to entry payloads, exactly as the server's runner_app/web/log/convert.py
// does it: distance in the runner's units to metres, minutes + seconds to seconds, strength rows to sets.

import { KM_PER_MILE } from "./dom.js";

const int = (value) => (value === null || value === undefined || value === "" ? null : Number.parseInt(value, 10));
const yesNo = (value) => ({ yes: true, no: false })[value] ?? null;

export function fieldsOf(form) {
  const fields = [];
  for (const [name, value] of new FormData(form)) {
    if (name !== "csrf_token" && typeof value === "string") fields.push([name, value]);
  }
  return fields;
}

function reader(fields) {
  const all = (name) => fields.filter(([key]) => key === name).map(([, value]) => value);
  const one = (name) => all(name)[0] ?? "";
  return { one, all };
}

function common(f) {
  return { date: f.one("date"), notes: f.one("notes").trim() };
}

function durationS(f) {
  return (int(f.one("duration_min")) || 0) * 60 + (int(f.one("duration_sec")) || 0);
}

function metres(value, units) {
  const per = units === "mi" ? KM_PER_MILE * 1000 : 1000;
  return Math.round(Number(value || 0) * per * 10) / 10;
}

// Fields the server's form requires before it even builds a payload (WTForms InputRequired).
const REQUIRED = {
  runs: { date: "Give the date.", distance: "Give the distance.", duration_min: "Give the time." },
  pain: { date: "Give the date.", score: "Tap a score." },
  strength: { date: "Give the date.", duration_min: "Give the time." },
  "cross-training": { date: "Give the date.", duration_min: "Give the time." },
};

export function missing(kind, fields) {
  const f = reader(fields);
  return Object.entries(REQUIRED[kind] || {}).filter(([name]) => f.one(name).trim() === "");
}

// The writes one form makes: [{id, kind, body, ifMatch}]. A run form can also make its pain entry.
export function writesOf(kind, fields, { units = "km", measures = {} } = {}) {
  const f = reader(fields);
  const id = f.one("id");
  const version = f.one("version") || null;
  if (kind === "runs") {
    const writes = [{ id, kind, ifMatch: version, body: {
      ...common(f), kind: f.one("kind"), distance_m: metres(f.one("distance"), units), duration_s: durationS(f),
      rpe: int(f.one("rpe")), terrain: f.one("terrain") || "flat", cadence_spm: int(f.one("cadence_spm")),
      planned_session_id: f.one("planned_session_id") || null,
    } }];
    const score = int(f.one("pain_score"));
    if (score !== null) {
      writes.push({ id: f.one("pain_id"), kind: "pain", ifMatch: f.one("pain_version") || null, body: {
        date: f.one("date"), context: "during_run", location: f.one("pain_location"), side: f.one("pain_side"),
        score, settled_within_60min: yesNo(f.one("pain_settled")), run_id: id, notes: "",
      } });
    }
    return writes;
  }
  if (kind === "pain") {
    return [{ id, kind, ifMatch: version, body: {
      ...common(f), context: f.one("context"), location: f.one("location"), side: f.one("side"),
      score: int(f.one("score")), settled_within_60min: yesNo(f.one("settled_within_60min")), flags: f.all("flags"),
    } }];
  }
  if (kind === "strength") {
    const sets = [];
    for (let row = 0; f.all(`rows-${row}-exercise`).length; row += 1) {
      const exercise = f.one(`rows-${row}-exercise`);
      const amount = int(f.one(`rows-${row}-amount`));
      if (!exercise || !amount) continue;
      const one = { exercise, [measures[exercise] || "reps"]: amount, side: f.one(`rows-${row}-side`) || "both" };
      const load = f.one(`rows-${row}-load_kg`);
      if (load !== "") one.load_kg = Number(load);
      const count = int(f.one(`rows-${row}-sets`)) || 1;
      for (let n = 0; n < count; n += 1) sets.push({ ...one });
    }
    return [{ id, kind, ifMatch: version, body: {
      ...common(f), duration_s: durationS(f), rpe: int(f.one("rpe")), pain_max: int(f.one("pain_max")), sets,
    } }];
  }
  return [{ id, kind, ifMatch: version, body: {
    ...common(f), kind: f.one("kind"), duration_s: durationS(f), rpe: int(f.one("rpe")),
    pain_max: int(f.one("pain_max")),
  } }];
}

// Put saved field values back into a form (drafts, and entries being fixed or edited on the phone).
export function fill(form, fields) {
  const values = new Map();
  for (const [name, value] of fields) values.set(name, [...(values.get(name) || []), value]);
  for (const el of form.elements) {
    if (!el.name || el.name === "csrf_token" || !values.has(el.name)) continue;
    const given = values.get(el.name);
    if (el.type === "radio" || el.type === "checkbox") el.checked = given.includes(el.value);
    else el.value = given[0];
  }
  for (const el of form.elements) {
    // A radio group or checkbox list with nothing saved for it was left empty.
    if ((el.type === "radio" || el.type === "checkbox") && el.name && !values.has(el.name)) el.checked = false;
  }
}
