// The audience page: ask, follow your questions, vote. Talks to the console over a websocket.
// Everything shown comes from outside, so it is set as text, never as HTML.
"use strict";

const STRINGS = {
  fr: {
    now: "En ce moment", next: "À suivre", ask: "Poser une question", yourQuestion: "Votre question",
    hint: "Elle sera lue par la modération avant d'être affichée.", yourName: "Votre nom (facultatif)",
    send: "Envoyer", mine: "Mes questions", room: "Questions retenues",
    roomEmpty: "Aucune question retenue pour l'instant.",
    footer: "Servi par la console Tribune de la salle. Aucune donnée ne quitte la salle.",
    waiting: "La séance n'a pas commencé.", sending: "Envoi…", sent: "Question envoyée : elle attend la modération.",
    queued: "Hors ligne : la question partira dès le retour de la connexion.",
    offline: "Connexion perdue. Reconnexion…", tooShort: "Écrivez au moins 3 caractères.",
    vote: "Soutenir", voted: "Soutenue", votes: (n) => (n <= 1 ? `${n} soutien` : `${n} soutiens`),
    voteLabel: (text) => `Soutenir la question : ${text}`,
    anonymous: "Anonyme", by: (name) => `par ${name}`,
    status: { pending: "En attente de modération", selected: "Retenue", on_screen: "À l'écran",
      answered: "Répondue", not_selected: "Non retenue", merged: "Regroupée avec une question proche",
      sending: "Envoi en cours" },
    errors: { rate_limited: "Trop de messages : patientez un instant, la question repartira d'elle-même.", question_too_short: "Question trop courte.",
      bad_question_status: "Cette question ne peut plus changer.", unknown_question: "Cette question n'existe plus.",
      name_too_long: "Nom trop long (80 caractères au plus).", bad_field: "Message refusé par la console.",
      question_too_long: "Question trop longue (500 caractères au plus).", unavailable: "La console n'a pas pu enregistrer : réessayez.",
      not_votable: "Cette question ne peut plus recevoir de soutien." },
  },
  en: {
    now: "Now", next: "Coming up", ask: "Ask a question", yourQuestion: "Your question",
    hint: "A moderator reads it before it is shown.", yourName: "Your name (optional)",
    send: "Send", mine: "My questions", room: "Selected questions",
    roomEmpty: "No question selected yet.",
    footer: "Served by the room's Tribune console. No data leaves the room.",
    waiting: "The session has not started.", sending: "Sending…", sent: "Question sent: it is waiting for the moderators.",
    queued: "Offline: the question will be sent when the connection is back.",
    offline: "Connection lost. Reconnecting…", tooShort: "Write at least 3 characters.",
    vote: "Support", voted: "Supported", votes: (n) => (n === 1 ? "1 vote" : `${n} votes`),
    voteLabel: (text) => `Support the question: ${text}`,
    anonymous: "Anonymous", by: (name) => `by ${name}`,
    status: { pending: "Waiting for moderation", selected: "Selected", on_screen: "On screen",
      answered: "Answered", not_selected: "Not selected", merged: "Merged with a similar question",
      sending: "Sending" },
    errors: { rate_limited: "Too many messages: wait a moment, the question will go by itself.", question_too_short: "Question too short.",
      bad_question_status: "This question can no longer change.", unknown_question: "This question no longer exists.",
      name_too_long: "Name too long (80 characters at most).", bad_field: "The console refused this message.",
      question_too_long: "Question too long (500 characters at most).", unavailable: "The console could not save it: try again.",
      not_votable: "This question can no longer be supported." },
  },
};

const params = new URLSearchParams(location.search);
const lang = (params.get("lang") || localStorage.getItem("tribune.lang") || navigator.language || "fr").slice(0, 2) === "en" ? "en" : "fr";
localStorage.setItem("tribune.lang", lang);
const T = STRINGS[lang];
document.documentElement.lang = lang;

function randomId(length) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

const device = localStorage.getItem("tribune.device") || randomId(22);
localStorage.setItem("tribune.device", device);

// Questions not yet acknowledged, kept across reloads and reconnections; resent with the same
// client id, so the console stores each once.
let outbox = JSON.parse(localStorage.getItem("tribune.outbox") || "[]");
const saveOutbox = () => localStorage.setItem("tribune.outbox", JSON.stringify(outbox));

const $ = (id) => document.getElementById(id);
let socket = null;
let connected = false;
let retry = 0;
let mine = new Map();   // question id -> asker view
let myVotes = new Set();
let room = [];

for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = T[node.dataset.i18n];
$(`lang-${lang}`).setAttribute("aria-current", "true");

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws`);
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ type: "hello", protocol: 1, role: "audience", device, lang }));
  });
  socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    connected = false;
    showConnection(true);
    // Back off up to 10 s, with jitter so a room of phones does not come back at once.
    const delay = Math.min(10000, 500 * 2 ** retry++) * (0.5 + Math.random() / 2);
    setTimeout(connect, delay);
  });
}

function showConnection(lost) {
  $("connection").hidden = !lost;
  $("connection").textContent = lost ? T.offline : "";
}

function send(message) {
  if (connected && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(message));
    return true;
  }
  return false;
}

function receive(message) {
  if (message.type === "welcome") {
    connected = true;
    retry = 0;
    showConnection(false);
    mine = new Map(message.mine.map((q) => [q.id, q]));
    myVotes = new Set(message.votes);
    render(message.state);
    resendOutbox();
  } else if (message.type === "state") {
    render(message.state);
  } else if (message.type === "mine") {
    for (const q of message.questions) mine.set(q.id, q);
    renderMine();
  } else if (message.type === "ack") {
    if (message.question) {
      outbox = outbox.filter((item) => item.client_id !== message.question.client_id);
      saveOutbox();
      mine.set(message.question.id, message.question);
      renderMine();
      if (!message.duplicate) say(T.sent);
    } else if (message.question_id) {
      if (message.voted) myVotes.add(message.question_id); else myVotes.delete(message.question_id);
      const q = room.find((x) => x.id === message.question_id);
      if (q) q.votes = message.votes;
      renderRoom();
    }
  } else if (message.type === "error") {
    if (message.ref && outbox.some((item) => item.client_id === message.ref) && message.code !== "unavailable" && message.code !== "rate_limited") {
      outbox = outbox.filter((item) => item.client_id !== message.ref);
      saveOutbox();
      renderMine();
    }
    if (message.code === "rate_limited" && outbox.some((item) => item.client_id === message.ref)) {
      // Still in the outbox: send it again once the allowance has come back.
      setTimeout(resendOutbox, 20000);
    }
    say(T.errors[message.code] || message.message, true);
  }
}

function resendOutbox() {
  for (const item of outbox) send({ type: "ask", ref: item.client_id, client_id: item.client_id, text: item.text, name: item.name });
}

function say(text, isError = false) {
  const node = $("form-status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

function render(state) {
  if (state.event) {
    $("event-title").textContent = state.event.title;
    document.title = `${state.event.title} — Questions`;
  }
  $("now-heading").textContent = state.slot || !state.next_slot ? T.now : T.next;
  $("slot-title").textContent = state.slot ? state.slot.title : (state.next_slot ? `${state.next_slot.start} · ${state.next_slot.title}` : T.waiting);
  $("speaker").textContent = state.speaker ? state.speaker.label : "";
  room = state.questions;
  renderRoom();
}

function badge(status) {
  const node = document.createElement("span");
  node.className = `badge ${status}`;
  node.textContent = T.status[status] || status;
  return node;
}

function renderMine() {
  const list = $("mine");
  list.replaceChildren();
  const items = [...outbox.map((o) => ({ id: o.client_id, text: o.text, status: "sending" })), ...mine.values()];
  $("mine-section").hidden = items.length === 0;
  for (const q of items.reverse()) {
    const li = document.createElement("li");
    const body = document.createElement("div");
    body.className = "body";
    body.textContent = q.text;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.append(badge(q.status));
    body.append(meta);
    li.append(body);
    list.append(li);
  }
}

function renderRoom() {
  const list = $("room");
  list.replaceChildren();
  $("room-empty").hidden = room.length > 0;
  for (const q of room) {
    const li = document.createElement("li");
    const body = document.createElement("div");
    body.className = "body";
    body.textContent = q.text;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = `${q.author ? T.by(q.author) : T.anonymous} · ${T.votes(q.votes)} `;
    if (q.status !== "approved") meta.append(badge(q.status === "on_screen" ? "on_screen" : "answered"));
    body.append(meta);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "vote";
    const pressed = myVotes.has(q.id);
    button.setAttribute("aria-pressed", String(pressed));
    button.setAttribute("aria-label", T.voteLabel(q.text));
    button.textContent = pressed ? `✓ ${q.votes}` : `▲ ${q.votes}`;
    button.addEventListener("click", () => send({ type: myVotes.has(q.id) ? "unvote" : "vote", ref: `v-${q.id}`, question_id: q.id }));
    li.append(body, button);
    list.append(li);
  }
}

$("question").addEventListener("input", () => {
  $("count").textContent = `${$("question").value.length}/500`;
});

$("ask-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("question").value.trim();
  if (text.length < 3) {
    say(T.tooShort, true);
    $("question").focus();
    return;
  }
  const item = { client_id: randomId(16), text, name: $("name").value.trim() };
  outbox.push(item);
  saveOutbox();
  $("question").value = "";
  $("count").textContent = "0/500";
  renderMine();
  say(send({ type: "ask", ref: item.client_id, client_id: item.client_id, text: item.text, name: item.name }) ? T.sending : T.queued);
});

document.addEventListener("visibilitychange", () => {
  // A phone that slept may have missed nothing, but ask for the latest state anyway.
  if (document.visibilityState === "visible") send({ type: "sync" });
});

renderMine();
connect();
