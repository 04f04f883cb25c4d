// The "Daily reminder" switch in Settings: asks the browser's permission, subscribes through the service
// worker's push manager with the server's public key, and gives the server the subscription (or takes it
// back). Each device has its own switch: the one in hand is the one that gets reminded.

const section = document.getElementById("reminder");
const toggle = document.getElementById("reminder-switch");
const status = document.getElementById("reminder-status");

function say(text) {
  if (status) status.textContent = text;
}

function keyBytes(base64url) {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function send(method, body) {
  const response = await fetch("/api/v1/push/subscription", {
    method,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": section.dataset.csrf },
    body: JSON.stringify(body),
  });
  if (!response.ok && response.status !== 404) throw new Error(`the server answered ${response.status}`);
}

async function switchOn(registration) {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    toggle.checked = false;
    say("Notifications are blocked for this site: allow them in the browser's settings, then switch again.");
    return;
  }
  const answer = await fetch("/api/v1/push/key", { credentials: "same-origin", cache: "no-store" });
  if (!answer.ok) throw new Error(`the server answered ${answer.status}`);
  const { application_server_key: key } = await answer.json();
  const subscription = await registration.pushManager.getSubscription()
    || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
  await send("POST", subscription.toJSON());
  say("On: a reminder each morning on this device, with the check-in and today's training.");
}

async function switchOff(registration) {
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) {
    await send("DELETE", { endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  }
  say("Off: no reminders on this device.");
}

export async function wirePush() {
  if (!section || !toggle) return;
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    say("This browser cannot show reminders. On an iPhone, add the app to the Home Screen first.");
    return;
  }
  const registration = await navigator.serviceWorker.ready;
  toggle.checked = Boolean(await registration.pushManager.getSubscription()) && Notification.permission === "granted";
  toggle.disabled = false;
  toggle.addEventListener("change", async () => {
    toggle.disabled = true;
    const on = toggle.checked;
    try {
      await (on ? switchOn(registration) : switchOff(registration));
    } catch (error) {
      toggle.checked = !on;
      say(`Could not switch the reminder ${on ? "on" : "off"} (${error.message || error}). Try again with signal.`);
    } finally {
      toggle.disabled = false;
    }
  });
}

wirePush();
