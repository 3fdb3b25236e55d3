// Switchboard operations dashboard: reads /api/kpi and /api/kpi/retro and draws them with Chart.js
// (bundled from npm into the host; nothing from a CDN). Each chart's canvas gets data-points (how many
// values are plotted) and data-total (their sum), so tests and people can tell an empty chart from a drawn one.
"use strict";

const charts = {};
const $ = (id) => document.getElementById(id);
const pct = (v) => (v == null ? "n/a" : (v * 100).toFixed(1) + "%");
const dur = (s) => {
  if (s == null) return "n/a";
  if (s < 60) return s.toFixed(0) + "s";
  if (s < 3600) return (s / 60).toFixed(0) + "m";
  if (s < 86400) return (s / 3600).toFixed(1) + "h";
  return (s / 86400).toFixed(1) + "d";
};
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function draw(id, type, labels, datasets, options = {}) {
  const canvas = $(id);
  charts[id]?.destroy();
  charts[id] = new Chart(canvas, {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: datasets.length > 1 } }, ...options },
  });
  const values = datasets.flatMap((d) => d.data).filter((v) => v != null);
  canvas.dataset.points = String(values.length);
  canvas.dataset.total = String(values.reduce((a, b) => a + b, 0));
}

function toLocalInput(date) {
  const d = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

function initFilters() {
  const params = new URLSearchParams(location.search);
  const form = $("filters");
  const to = params.get("to") ? new Date(params.get("to")) : new Date();
  const from = params.get("from") ? new Date(params.get("from")) : new Date(to.getTime() - 7 * 86400000);
  $("f-from").value = toLocalInput(from);
  $("f-to").value = toLocalInput(to);
  for (const key of ["platform", "team", "intent", "campaign"]) if (params.get(key)) form.elements[key].value = params.get(key);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load();
  });
}

function query() {
  const form = $("filters");
  const q = new URLSearchParams();
  q.set("from", new Date($("f-from").value).toISOString());
  q.set("to", new Date($("f-to").value).toISOString());
  for (const key of ["platform", "team", "intent", "campaign"]) if (form.elements[key].value.trim()) q.set(key, form.elements[key].value.trim());
  return q;
}

function tiles(r) {
  const items = [
    ["Cases opened", r.range.casesOpened],
    ["First response (median)", dur(r.firstResponseTime.medianSeconds)],
    ["First response (p90)", dur(r.firstResponseTime.p90Seconds)],
    ["Handling (median)", dur(r.handlingTime.medianSeconds)],
    ["Resolution (median)", dur(r.timeToResolution.medianSeconds)],
    ["Backlog open", r.backlog.open],
    ["Oldest open", dur(r.backlog.oldestSeconds)],
    ["Noise filtered", pct(r.noiseFilteredRate.value)],
    ["Auto-tag agreement", pct(r.autoTagAgreement.value)],
    ["Routing accuracy", pct(r.routingAccuracy.value)],
    ["Auto-resolved", pct(r.autoResolutionRate.value)],
    ["Draft edit rate", pct(r.draftEditRate.value)],
    ["Reopen rate", pct(r.reopenRate.value)],
    ["CSAT", r.csat.average == null ? "n/a" : r.csat.average.toFixed(2) + " / 5"],
    ["Peak hour", r.peakHour == null ? "n/a" : String(r.peakHour).padStart(2, "0") + ":00"],
    ["Cost / resolved case", r.cost.costPerResolvedCase == null ? "n/a" : r.cost.costPerResolvedCase.toFixed(2) + " " + r.cost.currency],
  ];
  $("tiles").innerHTML = items.map(([k, v]) => `<div class="tile"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join("");
}

function render(r) {
  tiles(r);
  draw("chart-volume", "bar", r.volumeByHour.map((_, h) => String(h).padStart(2, "0")), [{ label: "messages", data: r.volumeByHour, backgroundColor: "#4e79a7" }]);
  const intents = Object.keys(r.slaAdherenceByIntent);
  draw(
    "chart-sla",
    "bar",
    intents,
    [
      { label: "first response met %", data: intents.map((i) => rate100(r.slaAdherenceByIntent[i].firstResponse.rate)), backgroundColor: "#59a14f" },
      { label: "resolution met %", data: intents.map((i) => rate100(r.slaAdherenceByIntent[i].resolution.rate)), backgroundColor: "#f28e2b" },
    ],
    { scales: { y: { min: 0, max: 100 } } },
  );
  const teams = Object.keys(r.backlog.byTeam);
  draw("chart-backlog", "bar", teams, [{ label: "open cases", data: teams.map((t) => r.backlog.byTeam[t]), backgroundColor: "#e15759" }]);
  draw("chart-frt", "bar", r.firstResponseDistribution.map((b) => b.label), [{ label: "cases", data: r.firstResponseDistribution.map((b) => b.count), backgroundColor: "#76b7b2" }]);
  draw("chart-agreement", "line", r.autoTagAgreementTrend.map((d) => d.day), [{ label: "agreement %", data: r.autoTagAgreementTrend.map((d) => rate100(d.rate)), borderColor: "#b07aa1", pointRadius: 4 }], { scales: { y: { min: 0, max: 100 } } });
  const load = r.reviewerLoad.byQueue;
  draw(
    "chart-load",
    "bar",
    load.map((q) => q.team),
    [
      { label: "cards", data: load.map((q) => q.cardsRequested), backgroundColor: "#9c755f" },
      { label: "routine", data: load.map((q) => q.routine), backgroundColor: "#59a14f" },
      { label: "exceptions", data: load.map((q) => q.exceptions), backgroundColor: "#e15759" },
    ],
  );
  confusion(r.intentConfusion);
  queue(r.queue);
}

const rate100 = (v) => (v == null ? null : Math.round(v * 1000) / 10);

function confusion(cells) {
  if (cells.length === 0) {
    $("confusion").innerHTML = "<p>No reviewed cases in range.</p>";
    return;
  }
  const predicted = [...new Set(cells.map((c) => c.predicted))].sort();
  const reviewed = [...new Set(cells.map((c) => c.reviewed))].sort();
  const max = Math.max(...cells.map((c) => c.count));
  const count = (p, q) => cells.find((c) => c.predicted === p && c.reviewed === q)?.count ?? 0;
  const cell = (p, q) => {
    const n = count(p, q);
    const alpha = n === 0 ? 0 : 0.15 + (0.85 * n) / max;
    const hue = p === q ? "89,161,79" : "225,87,89";
    return `<td class="heat" style="background: rgba(${hue},${alpha})">${n || ""}</td>`;
  };
  $("confusion").innerHTML =
    `<table><thead><tr><th>predicted ↓ / reviewed →</th>${reviewed.map((q) => `<th>${esc(q)}</th>`).join("")}</tr></thead><tbody>` +
    predicted.map((p) => `<tr><th>${esc(p)}</th>${reviewed.map((q) => cell(p, q)).join("")}</tr>`).join("") +
    "</tbody></table>";
}

function queue(items) {
  $("queue").innerHTML = items.length === 0
    ? "<p>No open cases.</p>"
    : "<table><thead><tr><th>Case</th><th>Intent</th><th>Team</th><th>Status</th><th>Platform</th><th>Age</th><th>First response due</th></tr></thead><tbody>" +
      items.map((q) => `<tr data-testid="queue-row"><td>#${q.caseId}</td><td>${esc(q.intent)}</td><td>${esc(q.team)}</td><td>${esc(q.status)}</td><td>${esc(q.platform)}</td><td class="n">${dur(q.ageSeconds)}</td><td class="${q.breached ? "breached" : ""}">${q.firstResponseDueAt ? new Date(q.firstResponseDueAt).toLocaleString() : ""}${q.breached ? " (breached)" : ""}</td></tr>`).join("") +
      "</tbody></table>";
}

async function loadRetro() {
  const response = await fetch("/api/kpi/retro");
  if (!response.ok) return;
  const retro = await response.json();
  const body = $("retro-body");
  if (!retro.period) {
    body.innerHTML = "<p>No retro posted yet (one is posted weekly with the KPI snapshot).</p>";
  } else {
    body.innerHTML =
      `<p>Week ${esc(retro.period)}: score 1–5.</p><table class="retro-form"><thead><tr><th>Case</th><th>Intent</th><th>Tone</th><th>Accuracy</th><th>Speed</th><th></th></tr></thead><tbody>` +
      retro.sample.map((s) => `<tr data-case="${s.caseId}"><td>#${s.caseId}</td><td>${esc(s.intent)}</td>${["tone", "accuracy", "speed"].map((k) => `<td><input type="number" min="1" max="5" name="${k}" value="3"></td>`).join("")}<td><button type="button">Save</button></td></tr>`).join("") +
      `</tbody></table><label>Reviewer <input id="retro-reviewer" value="lead"></label>`;
    body.querySelectorAll("button").forEach((button) =>
      button.addEventListener("click", async () => {
        const row = button.closest("tr");
        const value = (k) => Number(row.querySelector(`input[name=${k}]`).value);
        const saved = await fetch("/api/kpi/retro/scores", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ period: retro.period, caseId: Number(row.dataset.case), reviewer: $("retro-reviewer").value, tone: value("tone"), accuracy: value("accuracy"), speed: value("speed") }),
        });
        button.textContent = saved.ok ? "Saved" : "Failed";
        if (saved.ok) loadRetro();
      }),
    );
  }
  const t = retro.trend;
  draw("chart-retro", "line", t.map((p) => p.period), [
    { label: "tone", data: t.map((p) => p.tone), borderColor: "#4e79a7" },
    { label: "accuracy", data: t.map((p) => p.accuracy), borderColor: "#59a14f" },
    { label: "speed", data: t.map((p) => p.speed), borderColor: "#f28e2b" },
  ], { scales: { y: { min: 1, max: 5 } } });
}

async function load() {
  const status = $("status");
  status.className = "status";
  status.textContent = "Loading…";
  try {
    const response = await fetch("/api/kpi?" + query());
    if (!response.ok) throw new Error((await response.json()).detail ?? response.statusText);
    const report = await response.json();
    render(report);
    status.textContent = `${report.range.casesOpened} cases opened ${new Date(report.range.from).toLocaleString()} – ${new Date(report.range.to).toLocaleString()}; backlog as of ${new Date(report.range.asOf).toLocaleString()} (hours in ${report.range.timeZone}).`;
    status.dataset.loaded = "true";
  } catch (error) {
    status.className = "status error";
    status.textContent = "Could not load KPIs: " + error.message;
  }
  loadRetro();
}

initFilters();
load();
