// The room's screens in a browser: projection, stage monitor, lower third (a transparent page
// for OBS). They follow the console as a read-only display; everything is set as text.
"use strict";

const view = document.body.dataset.view;
const lang = (new URLSearchParams(location.search).get("lang") || "fr") === "en" ? "en" : "fr";
const WORDS = {
  fr: { ask: "Posez vos questions :", next: "À suivre", question: "Question de la salle", warning: "BIENTÔT L'HEURE",
        overtime: "DÉPASSEMENT", paused: "EN PAUSE", offline: "Connexion perdue : reconnexion…" },
  en: { ask: "Ask your questions:", next: "Coming up", question: "Question from the room", warning: "TIME NEARLY UP",
        overtime: "OVERTIME", paused: "PAUSED", offline: "Connection lost: reconnecting…" },
}[lang];
document.documentElement.lang = lang;
const $ = (id) => document.getElementById(id);
let state = {};
let url = "";
let received = performance.now();
let retry = 0;

function connect() {
  const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
  let heartbeat = null;
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ type: "hello", protocol: 1, role: "display", view, lang }));
    // Say we are alive: the console flags a display silent for too long.
    heartbeat = setInterval(() => socket.send(JSON.stringify({ type: "sync" })), 10000);
  });
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "welcome" || message.type === "state") {
      if (message.url) url = message.url;
      state = message.state;
      received = performance.now();
      retry = 0;
      showOffline(false);
      render();
    }
  });
  socket.addEventListener("close", () => {
    clearInterval(heartbeat);
    showOffline(true);
    setTimeout(connect, Math.min(10000, 500 * 2 ** retry++));
  });
}

function showOffline(lost) {
  const node = $("offline");
  if (node) { node.hidden = !lost; node.textContent = lost ? WORDS.offline : ""; }
}

function remaining(timer) {
  if (!timer) return null;
  return timer.running ? timer.remaining - (performance.now() - received) / 1000 : timer.remaining;
}

function clock(seconds) {
  const negative = seconds < 0;
  const whole = negative ? Math.floor(-seconds) : Math.ceil(seconds);
  const h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60), s = whole % 60;
  const text = h ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
  return negative ? `+${text}` : text;
}

function personLine(p) {
  if (p.organisation && !p.title.includes(p.organisation)) return p.title ? `${p.title}, ${p.organisation}` : p.organisation;
  return p.title;
}

function setMain(text) {
  const node = $("main");
  node.textContent = text;
  node.classList.toggle("long", text.length > 40 && text.length <= 120);
  node.classList.toggle("very-long", text.length > 120);
}

function renderProjection() {
  document.body.classList.toggle("blackout", state.projection === "blackout");
  $("event").textContent = state.event ? state.event.title : "";
  $("ask").textContent = url ? `${WORDS.ask} ${url}` : "";
  const slot = state.slot;
  if (state.projection === "holding" || !slot) {
    const next = state.next_slot;
    $("slot").textContent = next ? WORDS.next : "";
    setMain(next ? next.title : (state.event ? state.event.title : ""));
    $("detail").textContent = next ? next.start : "";
    return;
  }
  $("slot").textContent = slot.subtitle ? `${slot.title} — ${slot.subtitle}` : slot.title;
  if (state.on_screen) {
    setMain(state.on_screen.text);
    $("detail").textContent = WORDS.question + (state.on_screen.author ? ` — ${state.on_screen.author}` : "");
  } else if (state.speaker) {
    setMain(state.speaker.people.map((p) => p.name).join(" & "));
    $("detail").textContent = [...new Set(state.speaker.people.map(personLine))].join("\n");
  } else {
    setMain(slot.title);
    $("detail").textContent = slot.subtitle || "";
  }
}

function renderStage() {
  const timer = (state.speaker && state.speaker.timer) || (state.slot && state.slot.timer);
  const left = remaining(timer);
  let urgency = "normal";
  if (left === null) {
    $("countdown").textContent = "—";
  } else {
    urgency = left < 0 ? "overtime" : left <= (timer.warning || 60) ? "warning" : "normal";
    $("countdown").textContent = clock(left);
  }
  let status = { normal: "", warning: WORDS.warning, overtime: WORDS.overtime }[urgency];
  if (timer && !timer.running && left !== null) status = status ? `${status} · ${WORDS.paused}` : WORDS.paused;
  $("status").textContent = status;
  for (const id of ["countdown", "status"]) $(id).className = `${id} ${urgency}`;
  $("who").textContent = state.speaker ? state.speaker.label : (state.slot ? state.slot.title : "");
  const message = state.stage_message;
  const node = $("message");
  node.hidden = !message;
  if (message && node.textContent !== message.text) {
    node.textContent = message.text;
    node.classList.toggle("flash", Boolean(message.flash));
  }
}

function renderLowerThird() {
  const speaker = state.speaker;
  $("band").hidden = !speaker || state.projection === "blackout";
  if (!speaker) return;
  $("name").textContent = speaker.people.map((p) => p.name).join(" & ");
  $("title").textContent = speaker.people.map(personLine).filter(Boolean).join(" · ");
}

function render() {
  if (view === "projection") renderProjection();
  else if (view === "stage") renderStage();
  else renderLowerThird();
}

if (view === "stage") setInterval(render, 200);
connect();
