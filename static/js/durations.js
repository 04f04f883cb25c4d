// Times as runners write them, read exactly as runner_app/web/durations.py reads them: "45" (minutes),
// "45:30" (min:ss) or "1:05:30" (h:mm:ss); a dot works as a colon (a phone's number pad has no colon).

const PARTS = /^\d{1,3}(:\d{1,2}){0,2}$/;
export const MESSAGE = "write the time as minutes (45), min:ss (45:30) or h:mm:ss (1:05:30)";

// Seconds in `text`, or throws an Error whose message a runner can act on.
export function parseDuration(text) {
  const raw = String(text).trim().replaceAll(".", ":");
  if (!PARTS.test(raw)) throw new Error(MESSAGE);
  const parts = raw.split(":").map(Number);
  if (parts.length === 1) return parts[0] * 60;
  if (parts.length === 2) {
    const [minutes, seconds] = parts;
    if (seconds >= 60) throw new Error("seconds must be under 60");
    return minutes * 60 + seconds;
  }
  const [hours, minutes, seconds] = parts;
  if (minutes >= 60 || seconds >= 60) throw new Error("minutes and seconds must be under 60");
  return hours * 3600 + minutes * 60 + seconds;
}

// h:mm:ss, or m:ss under an hour.
export function formatDuration(seconds) {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

// min:ss per km (or mile) for a distance typed in the runner's units and a time typed as above; "" if
// either is missing or unreadable.
export function paceText(distanceText, durationText, units) {
  const distance = Number(String(distanceText).replace(",", "."));
  let seconds;
  try {
    seconds = parseDuration(durationText);
  } catch {
    return "";
  }
  if (!(distance > 0) || !(seconds > 0)) return "";
  return `${formatDuration(seconds / distance)} /${units === "mi" ? "mi" : "km"}`;
}

// The run form's live pace line, under the time.
export function wirePace(form) {
  const out = form.querySelector("#pace-out");
  if (!out || !form.elements.duration || !form.elements.distance) return;
  const show = () => {
    const pace = paceText(form.elements.distance.value, form.elements.duration.value, out.dataset.units);
    out.textContent = pace ? `Pace ${pace}` : "";
  };
  form.addEventListener("input", show);
  form.addEventListener("reset", () => setTimeout(show));  // the fields change after the event
  show();
}
