// warta dashboard: a dyad's Goldstein timeline, a map of event places, an event table
// with the filters of `warta query`, and the evidence of one event.
import "./style.css";

import { api } from "./api.js";
import { clear, el, fmtNum } from "./dom.js";
import { showEvent } from "./event_view.js";
import { drawMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const $ = (sel) => document.querySelector(sel);

function showError(err) {
  const box = $("#error");
  if (!err) {
    box.hidden = true;
    box.textContent = "";
    return;
  }
  box.hidden = false;
  box.textContent = err.message || String(err);
}

async function openEvent(id) {
  try {
    const ev = await api.event(id);
    showEvent($("#event-view"), ev);
    document.body.dataset.selectedEvent = id;
    $("#event-view").scrollIntoView({ block: "nearest" });
  } catch (err) {
    showError(err);
  }
}

function eventRow(e, cells) {
  const tr = el("tr", { class: "event-row", tabindex: 0, dataset: { eventId: e.id } }, cells.map((c) => el("td", {}, c)));
  tr.addEventListener("click", () => openEvent(e.id));
  tr.addEventListener("keydown", (k) => {
    if (k.key === "Enter") openEvent(e.id);
  });
  return tr;
}

// ---- dyad timeline
let dyadEvents = [];

async function loadDyad() {
  const f = new FormData($("#dyad-form"));
  const a = String(f.get("a")).trim().toUpperCase();
  const b = String(f.get("b")).trim().toUpperCase();
  const by = String(f.get("by"));
  try {
    const [dyad, evs] = await Promise.all([api.dyad(a, b, by), api.dyadEvents(a, b)]);
    drawTimeline($("#timeline"), $("#timeline-legend"), dyad, (dir, period) => {
      const s = dir === "ab" ? a : b;
      const hit = dyadEvents.find((e) => e.source.code.startsWith(s) && e.date.startsWith(period.slice(0, by === "year" ? 4 : 7)));
      if (hit) openEvent(hit.id);
    });
    dyadEvents = evs.events;
    const body = clear($("#dyad-events tbody"));
    for (const e of evs.events) {
      const dir = `${e.source.code} → ${e.target ? e.target.code : "—"}`;
      body.append(eventRow(e, [e.date, dir, `${e.code} ${e.plover || ""}`, fmtNum(e.goldstein), e.location ? e.location.name : ""]));
    }
    $("#dyad-events caption").textContent = `${evs.count}${evs.truncated ? "+" : ""} events between ${a} and ${b}`;
    document.body.dataset.dyadLoaded = `${a}-${b}`;
    showError(null);
  } catch (err) {
    showError(err);
  }
}

// ---- event table and map
let lastEvents = [];

function redrawMap() {
  drawMap(
    $("#map"),
    lastEvents,
    (place) => {
      $("#filters [name=place]").value = place.name;
      loadEvents();
    },
    { world: $("#map-world").checked },
  );
}

async function loadEvents() {
  const filters = Object.fromEntries(new FormData($("#filters")));
  try {
    const res = await api.events(filters);
    const body = clear($("#event-table tbody"));
    for (const e of res.events) {
      body.append(
        eventRow(e, [
          e.date,
          e.source.code,
          e.target ? e.target.code : "—",
          e.code,
          e.plover || "",
          fmtNum(e.goldstein),
          e.location ? e.location.name : "",
          String(e.num_mentions),
        ]),
      );
    }
    $("#event-table caption").textContent = `${res.count}${res.truncated ? " (more: raise the limit)" : ""} events`;
    lastEvents = res.events;
    redrawMap();
    document.body.dataset.eventsLoaded = String(res.count);
    showError(null);
  } catch (err) {
    showError(err);
  }
}

async function loadHealth() {
  try {
    const h = await api.health();
    $("#store-status").textContent = `${h.store.documents} documents, ${h.store.events} events, ${h.store.mentions} reports (${h.store.backend})`;
  } catch (err) {
    $("#store-status").textContent = "store unavailable";
    showError(err);
  }
}

$("#dyad-form").addEventListener("submit", (e) => {
  e.preventDefault();
  loadDyad();
});
$("#filters").addEventListener("submit", (e) => {
  e.preventDefault();
  loadEvents();
});
$("#map-world").addEventListener("change", redrawMap);
$("#filters").addEventListener("reset", () => setTimeout(loadEvents, 0));

const params = new URLSearchParams(location.search);
if (params.get("a")) $("#dyad-form [name=a]").value = params.get("a");
if (params.get("b")) $("#dyad-form [name=b]").value = params.get("b");

Promise.all([loadHealth(), loadDyad(), loadEvents()]).then(() => {
  document.body.dataset.ready = "true";
  if (params.get("event")) openEvent(params.get("event"));
});
