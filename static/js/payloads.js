// From a logging form's fields to entry payloads, exactly as the server's runner_app/web/log/convert.py
// does it: distance in the runner's units to metres, minutes + seconds to seconds, strength rows to sets.

import { KM_PER_MILE } from "./dom.js";
import { parseDuration } from "./durations.js";

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
  if (f.one("duration").trim() !== "") {
    try {
      return parseDuration(f.one("duration"));
    } catch {
      return 0;  // outOfRange says why, beside the field
    }
  }
  return (int(f.one("duration_min")) || 0) * 60 + (int(f.one("duration_sec")) || 0);
}

function metres(value, units) {
  const per = units === "mi" ? KM_PER_MILE * 1000 : 1000;
  return Math.round(Number(value || 0) * per * 10) / 10;
}

// Fields the server's form requires before it even builds a payload (WTForms InputRequired).
const REQUIRED = {
  runs: { date: "Give the date.", distance: "Give the distance.", duration: "Give the time." },
  pain: { date: "Give the date.", location: "Say where it hurts, or tap “No pain” above.", score: "Tap a score." },
  strength: { date: "Give the date.", duration: "Give the time." },
  "cross-training": { date: "Give the date.", duration: "Give the time." },
};

export function missing(kind, fields) {
  const f = reader(fields);
  return Object.entries(REQUIRED[kind] || {}).filter(([name]) => f.one(name).trim() === "");
}

const MAX_DURATION_S = 172800;  // 48 h: the server's limit on any entry's time
const MAX_DISTANCE_M = 500000;

function addDays(isoDay, days) {
  const [y, m, d] = isoDay.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days));
  return day.toISOString().slice(0, 10);
}

// What the server would refuse, found before anything is stored on the phone, in the runner's words and
// beside the field: [[field name, message]]. The server's rules (services/schemas.py) stay the authority.
export function outOfRange(kind, fields, { units = "km", today = "" } = {}) {
  const f = reader(fields);
  const out = [];
  const wrong = (name, message) => out.push([name, message]);
  const date = f.one("date");
  if (date && today && date > addDays(today, 1)) wrong("date", "That date is in the future.");
  if (date && date < "1900-01-01") wrong("date", "Give a date from 1900 on.");
  if (f.one("duration").trim() !== "") {
    let seconds = null;
    try {
      seconds = parseDuration(f.one("duration"));
    } catch (error) {
      wrong("duration", `Not a time: ${error.message}.`);
    }
    if (seconds !== null && seconds > MAX_DURATION_S) wrong("duration", "At most 48 hours.");
    else if (seconds === 0) wrong("duration", "Give a time above 0.");
  }
  if (f.one("duration_min") !== "") {
    const seconds = durationS(f);
    const sec = int(f.one("duration_sec"));
    if (sec !== null && (sec < 0 || sec > 59)) wrong("duration_sec", "Seconds go from 0 to 59.");
    else if (seconds <= 0) wrong("duration_min", "Give a time above 0.");
    else if (seconds > MAX_DURATION_S) wrong("duration_min", "At most 48 hours.");
  }
  if (kind === "runs" && f.one("distance") !== "") {
    const distance = metres(f.one("distance"), units);
    const most = units === "mi" ? "310 mi" : "500 km";
    if (!Number.isFinite(distance) || distance <= 0) wrong("distance", "Give a distance above 0.");
    else if (distance > MAX_DISTANCE_M) wrong("distance", `At most ${most}.`);
  }
  if (kind === "runs" && int(f.one("pain_score")) > 0 && !f.one("pain_location")) {
    wrong("pain_location", "Say where it hurt, or leave the pain score empty.");
  }
  const cadence = f.one("cadence_spm");
  if (kind === "runs" && cadence !== "" && !(int(cadence) >= 60 && int(cadence) <= 260)) {
    wrong("cadence_spm", "Cadence is steps a minute, from 60 to 260.");
  }
  if (kind === "strength") {
    for (let row = 0; f.all(`rows-${row}-exercise`).length; row += 1) {
      const numbers = ["sets", "amount", "load_kg"].map((name) => f.one(`rows-${row}-${name}`));
      if (!f.one(`rows-${row}-exercise`) && numbers.some((value) => value !== "")) {
        wrong(`rows-${row}-exercise`, "Pick the exercise for these numbers.");
      }
      const [sets, amount, load] = numbers;
      if (sets !== "" && !(int(sets) >= 1 && int(sets) <= 20)) wrong(`rows-${row}-sets`, "From 1 to 20 sets.");
      if (amount !== "" && !(int(amount) >= 1 && int(amount) <= 1000)) wrong(`rows-${row}-amount`, "From 1 to 1000.");
      if (load !== "" && !(Number(load) >= 0 && Number(load) <= 500)) wrong(`rows-${row}-load_kg`, "From 0 to 500 kg.");
    }
  }
  return out;
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
      shoe_id: f.one("shoe_id") || null, planned_session_id: f.one("planned_session_id") || null,
    } }];
    const score = int(f.one("pain_score"));
    if (score !== null && !(score === 0 && !f.one("pain_location"))) {  // as convert.run_pain_payload
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
