// The page's behaviour. Every text from the server or an upload goes in with textContent (never
// parsed as markup); only the server's SVG charts, whose text the chart code escapes, go in as markup.
"use strict";
(function () {
const $ = (selector) => document.querySelector(selector);
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
// A table cell's text with each figure kept whole: a line may break between words but never
// inside "(-£303.7m", where a break after the minus would leave a negative figure reading positive.
// A range ("0.163 to 0.437", "£1.2m to £3.4m") is one figure too: split, it reads as two values.
function cellText(cell) {
  const figure = /(\S*\d\S*(?:\s(?:to|–)\s\S*\d\S*)?)/;
  return String(cell).split(figure).map((part, i) => i % 2 === 1 ? el("span", {class: "figure"}, part) : part);
}
const pounds = new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP", maximumFractionDigits: 0});
const whole = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 0});
const one = new Intl.NumberFormat("en-GB", {maximumFractionDigits: 1});
const pence = new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2});
const two = new Intl.NumberFormat("en-GB", {minimumFractionDigits: 2, maximumFractionDigits: 2});
const percent = (x) => one.format(100 * x) + "%";
function money(x) {
  if (!isFinite(x)) return "n/a";
  const size = Math.abs(x);
  if (size >= 1e9) return (x < 0 ? "−" : "") + "£" + (size / 1e9).toFixed(2) + "bn";
  if (size >= 1e6) return (x < 0 ? "−" : "") + "£" + (size / 1e6).toFixed(1) + "m";
  return pounds.format(x).replace("-", "−");
}

// Names this page so that its new Monte Carlo cancels its previous one on the server.
let clientId = sessionStorage.getItem("msc-client");
if (!clientId) {
  clientId = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + String(Date.now()));
  sessionStorage.setItem("msc-client", clientId);
}

class APIError extends Error { constructor(message, status) { super(message); this.status = status; } }
async function api(path, body, binary) {
  const options = {method: body ? "POST" : "GET", headers: {"X-MSC-Client": clientId}};
  if (body) { options.headers["Content-Type"] = "application/json"; options.body = JSON.stringify(body); }
  const response = await fetch(path, options);
  if (response.ok && binary) return response.blob();
  const text = await response.text();
  let data;
  try { data = JSON.parse(text); } catch (e) { data = {error: text.slice(0, 200)}; }
  if (!response.ok) throw new APIError(data.error || response.statusText, response.status);
  return data;
}

// MARK: State, kept whole in the address so a copied link reopens the same result.
const catalogue = {scenarios: [], groups: [], assumptions: {}, authorities: {}};
let state = null;
function defaultState() {
  const names = catalogue.scenarios.map((s) => s.name);
  const wanted = ["status-quo", "national-rollout", "county-shared"].filter((n) => names.includes(n));
  // Baseline "": each scenario against the baseline it declares, as the command line does.
  return {scenarios: wanted.length ? wanted : names.slice(0, 2), baseline: "", uploads: [],
          overrides: {}, seed: 20250101, iterations: 10000, colour: "posts", mapScenario: null, council: null};
}
function readState() {
  const base = defaultState();
  const match = location.hash.match(/^#state=(.*)$/);
  if (!match) return base;
  try {
    const parsed = JSON.parse(decodeURIComponent(match[1]));
    const merged = Object.assign(base, parsed);
    if (!Array.isArray(merged.scenarios) || !Array.isArray(merged.uploads) || typeof merged.overrides !== "object") return defaultState();
    return merged;
  } catch (e) { return base; }
}
function writeState() {
  const url = location.pathname + "#state=" + encodeURIComponent(JSON.stringify(state));
  history.replaceState(null, "", url);
  $("#share-link").value = location.href;
}
function uploadedNames() { return state.uploads.map((u) => u.name); }
function selectedNames() { return state.scenarios.concat(uploadedNames()); }
function requestBody(extra) {
  const names = selectedNames();
  return Object.assign({
    scenarios: state.scenarios, uploads: state.uploads.map((u) => ({fileName: u.fileName, yaml: u.yaml})),
    baseline: names.includes(state.baseline) ? state.baseline : null, overrides: state.overrides,
    seed: Number(state.seed), iterations: Number(state.iterations),
  }, extra || {});
}

// MARK: Errors
function showError(error) {
  const box = $("#error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

// MARK: Controls
function renderScenarioControls() {
  const list = $("#scenario-list");
  list.replaceChildren();
  for (const s of catalogue.scenarios) {
    const box = el("input", {type: "checkbox", value: s.name, id: "scenario-" + s.name, checked: state.scenarios.includes(s.name),
      onchange: (event) => {
        state.scenarios = catalogue.scenarios.map((x) => x.name)
          .filter((n) => n === s.name ? event.target.checked : state.scenarios.includes(n));
        // The baseline and map lists follow the ticked scenarios.
        renderScenarioControls();
        $("#scenario-" + s.name).focus();
        changed();
      }});
    list.append(el("li", {}, el("label", {title: s.question}, box, " ", s.name), el("span", {class: "question"}, s.question)));
  }
  for (const upload of state.uploads) {
    list.append(el("li", {class: "uploaded"}, el("span", {}, "⬆ " + upload.name + " (uploaded) "),
      el("button", {type: "button", class: "small", onclick: () => {
        state.uploads = state.uploads.filter((u) => u !== upload); renderScenarioControls(); changed();
      }}, "remove"), el("span", {class: "question"}, upload.question || "")));
  }
  const baseline = $("#baseline");
  baseline.replaceChildren();
  baseline.append(el("option", {value: "", selected: !selectedNames().includes(state.baseline)}, "each its declared baseline"));
  for (const name of selectedNames()) baseline.append(el("option", {value: name, selected: name === state.baseline}, name));
  const mapSelect = $("#map-scenario");
  mapSelect.replaceChildren();
  for (const name of selectedNames()) mapSelect.append(el("option", {value: name, selected: name === state.mapScenario}, name));
  $("#iterations").value = state.iterations;
  $("#seed").value = state.seed;
  $("#map-colour").value = state.colour;
}

function renderOverrides() {
  const list = $("#override-list");
  list.replaceChildren();
  const names = Object.keys(state.overrides).sort();
  $("#no-overrides").hidden = names.length > 0;
  $("#undo-all").hidden = names.length === 0;
  for (const name of names) {
    const a = catalogue.assumptions[name];
    const value = state.overrides[name];
    const shown = typeof value !== "object" ? value + " (fixed)"
      : value.distribution === "scaled" ? value.value + " (its range scaled with it)" : value.value + " (" + value.distribution.kind + ")";
    list.append(el("li", {"data-name": name},
      el("span", {}, (a ? a.description.replace(/\.$/, "") : name) + ": "),
      el("s", {}, a ? String(a.value) : ""), " → ", el("strong", {}, shown), " ",
      el("button", {type: "button", class: "small undo", onclick: () => { delete state.overrides[name]; renderAssumptions(); changed(); }}, "undo")));
  }
}

// MARK: Assumptions, grouped by topic, each editable within its valid range
const parameterNames = {fixed: ["value"], uniform: ["minimum", "maximum"], normal: ["mean", "standardDeviation"],
  lognormal: ["logMean", "logStandardDeviation"], beta: ["alpha", "beta"], triangular: ["minimum", "mode", "maximum"],
  pert: ["minimum", "mode", "maximum"]};
function describeDistribution(d) {
  const parts = parameterNames[d.kind].map((p) => p + " " + d[p]);
  return d.kind === "fixed" ? "fixed" : d.kind + " (" + parts.join(", ") + ")";
}
function renderAssumptions() {
  const root = $("#assumptions");
  root.replaceChildren();
  for (const group of catalogue.groups) {
    const rows = group.assumptions.map(assumptionRow);
    const table = el("table", {class: "assumptions"},
      el("thead", {}, el("tr", {}, ["Assumption", "Value", "Unit", "Uncertainty", "Evidence", "Source"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows));
    root.append(el("details", {open: group.id === "cost", id: "group-" + group.id},
      el("summary", {}, group.title + " (" + group.assumptions.length + ")"), table));
  }
}
function assumptionRow(a) {
  const override = state.overrides[a.name];
  const current = override === undefined ? a.value : (typeof override === "object" ? override.value : override);
  const input = el("input", {type: "number", step: "any", value: current, "data-name": a.name, class: "value",
    min: a.range.minimum === null ? undefined : a.range.minimum, max: a.range.maximum === null ? undefined : a.range.maximum,
    "aria-label": a.description});
  input.addEventListener("change", () => {
    const v = Number(input.value);
    if (input.value === "" || !isFinite(v)) return;
    const previous = state.overrides[a.name];
    const ownRange = previous === undefined || (typeof previous === "object" && previous.distribution === "scaled");
    let next;
    if (v === a.value && ownRange) next = undefined;
    // An uncertain input keeps its range, scaled to the typed value (the server scales it);
    // a beta cannot be scaled, so a typed value fixes it, as the distribution editor says.
    else if (ownRange && a.distribution.kind !== "fixed" && a.distribution.kind !== "beta") next = {value: v, distribution: "scaled"};
    else if (typeof previous === "object" && previous.distribution !== "scaled") next = {value: v, distribution: previous.distribution};
    else next = v;
    proposeOverride(a.name, next, input);
  });
  const distribution = override && typeof override === "object" && override.distribution !== "scaled" ? override.distribution : a.distribution;
  const editor = distributionEditor(a, distribution);
  const source = el("details", {class: "source"}, el("summary", {}, a.sources.length ? a.sources[0].publisher : "no source"),
    a.sources.map((s) => el("p", {}, [s.title, s.publisher, s.date, s.page].filter(Boolean).join(", "),
      s.url ? [" ", el("span", {class: "url"}, s.url)] : [])),
    a.notes ? el("p", {class: "notes-text"}, a.notes) : null, el("p", {class: "hint"}, "Defined at " + a.origin.split("/").slice(-2).join("/")));
  return el("tr", {class: override === undefined ? "" : "changed", "data-name": a.name},
    el("td", {}, el("span", {class: "name"}, a.name), el("br"), el("span", {class: "description"}, a.description)),
    el("td", {}, input), el("td", {class: "unit"}, a.unitLabel,
      a.quoted ? [el("br"), el("span", {class: "hint"}, "in " + a.valueYear + " pounds, as the model uses it (quoted " + pence.format(a.quoted.value) + " for " + a.quoted.year + ", " + a.quoted.adjustment + ")")] : []),
    el("td", {}, editor), el("td", {class: "grade grade-" + a.evidence}, a.evidence), el("td", {}, source));
}
function distributionEditor(a, d) {
  const kind = el("select", {"aria-label": "distribution of " + a.name},
    Object.keys(parameterNames).filter((k) => k !== "beta" || a.unit === "fraction")
      .map((k) => el("option", {value: k, selected: k === d.kind}, k)));
  const fields = el("span", {class: "parameters"});
  function drawFields() {
    fields.replaceChildren();
    for (const p of parameterNames[kind.value]) {
      fields.append(el("label", {}, p + " ", el("input", {type: "number", step: "any", name: p, value: d.kind === kind.value ? d[p] : ""})));
    }
  }
  kind.addEventListener("change", drawFields);
  drawFields();
  const apply = el("button", {type: "button", class: "small", onclick: () => {
    const distribution = {kind: kind.value};
    for (const input of fields.querySelectorAll("input")) distribution[input.name] = Number(input.value);
    const override = state.overrides[a.name];
    const value = override === undefined ? a.value : (typeof override === "object" ? override.value : override);
    proposeOverride(a.name, kind.value === "fixed" ? distribution.value : {value: value, distribution: distribution}, fields);
  }}, "apply");
  return el("details", {class: "distribution"}, el("summary", {}, describeDistribution(d)), kind, fields, apply);
}

// MARK: Results
function renderCentral(data) {
  const root = $("#central");
  root.replaceChildren();
  const notes = $("#notes");
  notes.replaceChildren();
  catalogue.central = {};
  for (const s of data.scenarios) {
    catalogue.central[s.scenario] = s;
    root.append(el("div", {class: "card central", "data-scenario": s.scenario},
      el("h3", {}, s.scenario), el("p", {class: "question"}, s.question),
      el("dl", {},
        el("dt", {}, "Net present value"), el("dd", {class: "npv"}, money(s.npv)),
        el("dt", {}, "Present value of costs"), el("dd", {}, money(s.pvCosts)),
        el("dt", {}, "Present value of benefits"), el("dd", {}, money(s.pvBenefits)),
        el("dt", {}, "Benefit-cost ratio"), el("dd", {}, isFinite(s.bcr) ? s.bcr.toFixed(2) : "n/a"),
        el("dt", {}, "Posts"), el("dd", {}, whole.format(s.posts)),
        el("dt", {}, "Programme years"), el("dd", {class: "programme"}, s.financialYears[0] + " to " + s.financialYears[s.financialYears.length - 1] + " (" + s.horizonYears + " years)"),
        el("dt", {}, "Prices and discounting"), el("dd", {class: "price-base"}, s.priceBaseYear + " prices, discounted to " + s.priceBaseYear))));
    for (const note of s.notes || []) notes.append(el("li", {}, note));
  }
}

function renderCompare(data) {
  const root = $("#compare-table");
  root.replaceChildren();
  const table = data.table;
  root.append(el("table", {class: "compare"},
    el("caption", {}, table.title),
    el("thead", {}, el("tr", {}, table.columns.map((c) => el("th", {}, c)))),
    el("tbody", {}, table.rows.map((row) => el("tr", {}, row.map((cell, i) => el(i === 0 ? "th" : "td", {}, i === 0 ? cell : cellText(cell))))))));
  if (table.notes.length) root.append(el("ul", {class: "notes"}, table.notes.map((n) => el("li", {}, n))));
  const decision = $("#decision");
  decision.replaceChildren();
  if (data.decisionTables) {
    decision.append(el("h3", {}, "Is it worthwhile, and which evidence is worth buying?"));
    for (const t of data.decisionTables) decision.append(...decisionTableBoxes(t));
  }
  const charts = $("#charts");
  charts.replaceChildren();
  for (const chart of data.charts || []) {
    const figure = el("figure", {"data-file": chart.fileName});
    const holder = el("div", {class: "svg"});
    // The chart code escapes every text it draws; the SVG is the server's own.
    holder.innerHTML = chart.svg;
    figure.append(holder, el("figcaption", {}, chart.caption));
    charts.append(figure);
  }
  for (const note of data.notes || []) $("#notes").append(el("li", {}, note));
  $("#mc-label").textContent = "(" + whole.format(data.manifest.runs) + " iterations, seed " + data.manifest.seed + ")";
}

// MARK: Map: the evidence pack's hexagon map, drawn by the server; hover and click added here.
function mapScenario() {
  return catalogue.central && catalogue.central[state.mapScenario] ? state.mapScenario : selectedNames()[0];
}
function scenarioBody(scenario, extra) {
  const body = requestBody(extra);
  const isUpload = uploadedNames().includes(scenario);
  body.scenarios = isUpload ? [] : [scenario];
  body.uploads = isUpload ? body.uploads.filter((u, i) => state.uploads[i].name === scenario) : [];
  delete body.baseline; delete body.iterations;
  return body;
}
let mapGeneration = 0;
async function renderMap() {
  const holder = $("#map");
  const scenario = mapScenario();
  const data = catalogue.central && catalogue.central[scenario];
  if (!data) return;
  const mine = ++mapGeneration;
  let map;
  try {
    map = await api("/api/map", scenarioBody(scenario, {metric: state.colour}));
  } catch (error) {
    holder.replaceChildren(el("p", {class: "error"}, error.message));
    return;
  }
  if (mine !== mapGeneration) return;
  const rows = {};
  for (const row of data.authorities || []) rows[row.code] = row;
  const cells = {};
  for (const cell of map.cells) cells[cell.code] = cell;
  // The map's SVG is the server's own; its text is escaped by the chart code.
  holder.innerHTML = map.svg;
  holder.setAttribute("data-metric", map.metric);
  for (const shape of holder.querySelectorAll("[data-code]")) {
    const code = shape.getAttribute("data-code");
    const title = shape.querySelector("title");
    if (title) title.remove();   // the page shows its own tooltip
    shape.addEventListener("mousemove", (event) => showTooltip(event, cells[code], rows[code], map.label));
    shape.addEventListener("mouseleave", () => { $("#map-tooltip").hidden = true; });
    // A hexagon of a council replaced before the programme (Surrey's districts) opens its successor's card.
    shape.addEventListener("click", () => openCouncil(cells[code] ? cells[code].councilCode : code));
  }
  mapAccess.enhance(holder, cells, map.label);
  $("#map-licence").textContent = map.licence;
  if (state.council) openCouncil(state.council, true);
}
function isDistrict(code) { return catalogue.authorityList.some((a) => a.code === code && a.tier === "district"); }
function showTooltip(event, cell, row, label) {
  const tip = $("#map-tooltip");
  if (!cell) return;
  // A district's map figure adds its residents' share of the county council's: the tooltip
  // splits the two, so the council's own figure is not read as a second, contradicting cost.
  const countyPart = row && isDistrict(row.code) && cell.value !== null && $("#map").getAttribute("data-metric") === "net-cost-to-council"
    ? cell.value - row.councilNetCost : null;
  tip.replaceChildren(el("div", {}, el("strong", {}, cell.council), el("br"), label + ": " + cell.shown,
    countyPart !== null ? [el("br"), "= " + money(row.councilNetCost) + " the council pays itself + " + money(countyPart) + ", its residents' share of the county council's"] : [],
    row ? [el("br"), row.post ? (row.shared ? "shared post: " : "own post: ") + row.post : "no post of its own",
           el("br"), "coverage of its own post " + percent(row.coverage)
             + (countyPart !== null ? "" : "; the council itself pays " + money(row.councilNetCost) + " a year from its core budget"
               + (isDistrict(row.code) ? " (the map's figures add its residents' share of the county council's)" : "")),
           el("br"), "additional identifications " + two.format(row.additionalIdentificationsPerYear) + " a year (net of displacement)"] : [],
    el("br"), el("em", {}, "click for its card")));
  tip.hidden = false;
  tip.style.left = (event.pageX + 14) + "px";
  tip.style.top = (event.pageY + 14) + "px";
}
// `returnTo`: where the card's close button puts the keyboard back (the card takes it on opening).
async function openCouncil(code, quiet, returnTo) {
  const scenario = mapScenario();
  state.council = code;
  if (!quiet) writeState();
  mapAccess.highlight(code);
  const card = $("#council-card");
  card.hidden = false;
  card.replaceChildren(el("p", {class: "hint"}, "Loading…"));
  try {
    const c = await api("/api/council", scenarioBody(scenario, {code: code}));
    const partners = (c.share.posts[0] ? c.share.posts[0].members : []).filter((m) => m.code !== c.code).map((m) => m.name);
    const own = c.share.rows[0] || {};
    card.replaceChildren(
      el("h3", {tabindex: "-1", class: "card-heading"}, c.name), el("p", {class: "hint"}, c.tier + ", population " + whole.format(c.population) + " · " + c.scenario),
      el("dl", {},
        el("dt", {}, "Post"), el("dd", {class: "post"}, c.post ? c.post + (partners.length ? " (shared with " + partners.join(", ") + ")" : " (its own)") : "none"),
        el("dt", {}, "Its share of the post"), el("dd", {}, percent(c.costShare) + ", " + money(c.annualCost) + " a year (council's cash cost, " + c.share.taxYear + " pounds; the appraisal's full economic cost of a full-time post is " + money(c.share.postCostBases.fullEconomicPerFullTimePost) + ")"),
        el("dt", {}, "Who pays"), el("dd", {}, el("ul", {}, c.funders.map((f) => el("li", {}, f.label + ": " + money(f.pays) + " (" + percent(f.share) + ")")))),
        el("dt", {}, "Cost to its own core budget"), el("dd", {class: "net"}, money(c.councilNetCost) + " a year"),
        el("dt", {}, "A post of its own"), el("dd", {}, money(own.ownPostAnnualCost) + " a year, coverage " + percent(own.ownPostCoverage || 0)),
        el("dt", {}, "Coverage"), el("dd", {}, percent(c.coverage)),
        el("dt", {}, "Additional identifications (net of displacement)"), el("dd", {}, "+" + two.format(c.additionalIdentificationsPerYear) + " a year, on top of " + one.format(c.baselineIdentificationsPerYear) + " a year without a post"),
        el("dt", {}, "Post survives " + c.horizonYears + " years"), el("dd", {}, c.post ? percent(c.survivalAtHorizon) : "n/a")),
      el("button", {type: "button", class: "small", onclick: () => { state.council = null; card.hidden = true; mapAccess.highlight(null); writeState(); if (returnTo) returnTo.focus(); }}, "close"));
    if (returnTo) card.querySelector(".card-heading").focus();
  } catch (error) {
    card.replaceChildren(el("p", {class: "error"}, error.message));
  }
}

// MARK: Running
let generation = 0;
let pending = null;
function changed() {
  writeState();
  renderOverrides();
  renderPilotControls();
  clearTimeout(pending);
  pending = setTimeout(refresh, 120);
}
async function refresh() {
  const mine = ++generation;
  showError(null);
  if (selectedNames().length === 0) {
    $("#central").replaceChildren(el("p", {class: "hint"}, "Tick at least one scenario."));
    return;
  }
  document.body.classList.add("computing");
  try {
    const central = await api("/api/run", requestBody({central: true, map: true}));
    if (mine !== generation) return;
    renderCentral(central);
    renderMap();
    areaView.refresh();
    analyst.refresh();
  } catch (error) {
    if (mine === generation) showError(error);
    document.body.classList.remove("computing");
    return;
  }
  document.body.classList.remove("computing");
  monteCarlo(mine);
}
async function monteCarlo(mine) {
  const bar = $("#progress-bar"), text = $("#progress-text");
  $("#progress").hidden = false;
  bar.value = 0;
  text.textContent = "Monte Carlo starting…";
  const timer = setInterval(async () => {
    try {
      const p = await api("/api/progress");
      if (mine !== generation || !p.total) return;
      bar.value = p.done / p.total;
      text.textContent = "Monte Carlo: " + whole.format(p.done) + " of " + whole.format(p.total) + " iterations";
    } catch (e) { /* progress is a courtesy */ }
  }, 250);
  try {
    const data = await api("/api/compare", requestBody({charts: true, decision: selectedNames().length >= 2 && Number(state.iterations) >= 100}));
    if (mine !== generation) return;
    renderCompare(data);
    $("#progress").hidden = true;
  } catch (error) {
    if (mine !== generation || error.status === 409) return;
    showError(error);
    $("#progress").hidden = true;
  } finally {
    clearInterval(timer);
  }
}

// MARK: Upload, share, download
async function upload(file) {
  const box = $("#upload-error");
  box.hidden = true;
  const yaml = await file.text();
  try {
    const checked = await api("/api/scenario", {fileName: file.name, yaml: yaml});
    if (selectedNames().includes(checked.name)) throw new Error("a scenario called " + checked.name + " is already on the page; give yours another name");
    state.uploads.push({fileName: checked.fileName, name: checked.name, question: checked.question, yaml: yaml});
    renderScenarioControls();
    changed();
  } catch (error) {
    box.textContent = error.message;
    box.hidden = false;
  }
  $("#upload").value = "";
}
async function copyLink() {
  writeState();
  const field = $("#share-link");
  field.select();
  try { await navigator.clipboard.writeText(field.value); $("#copy-link").textContent = "Link copied"; }
  catch (e) { $("#copy-link").textContent = "Copy the link below"; }
  setTimeout(() => { $("#copy-link").textContent = "Copy share link"; }, 2500);
}
async function downloadPack() {
  const status = $("#download-status");
  status.textContent = "Running the Monte Carlo and writing the pack…";
  try {
    const blob = await api("/api/evidence-pack", requestBody(), true);
    const link = el("a", {href: URL.createObjectURL(blob), download: "evidence-pack.zip"});
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = "Downloaded evidence-pack.zip (" + whole.format(blob.size / 1024) + " kB).";
  } catch (error) { status.textContent = error.message; }
}

    // MARK: A change is checked before it is kept
    // A changed assumption is kept only once the server accepts it (a quick central run with the
    // change): a refused value shows the server's message at the field the user is at, and
    // "Your changes" lists only accepted changes.
    function clearFieldError(anchor) {
      const cell = anchor.closest("td") || anchor.parentNode;
      for (const old of cell.querySelectorAll(".field-error")) old.remove();
      anchor.removeAttribute("aria-invalid");
      anchor.removeAttribute("aria-describedby");
    }
    function showFieldError(anchor, name, message) {
      clearFieldError(anchor);
      const id = "field-error-" + name;
      const note = el("p", {class: "error field-error", id: id, role: "alert"}, message);
      anchor.after(note);
      anchor.setAttribute("aria-invalid", "true");
      anchor.setAttribute("aria-describedby", id);
    }
    async function proposeOverride(name, value, anchor) {
      const overrides = Object.assign({}, state.overrides);
      if (value === undefined) delete overrides[name]; else overrides[name] = value;
      if (selectedNames().length > 0) {
        try {
          await api("/api/run", requestBody({central: true, overrides: overrides}));
        } catch (error) {
          // A refused value (400) stays at its field, out of the state; other failures show at the top.
          if (error.status === 400) { showFieldError(anchor, name, error.message); return; }
          showError(error);
          return;
        }
      }
      state.overrides = overrides;
      renderAssumptions();
      changed();
    }

    // MARK: Decision tables, the EVPPI's £0 rows behind a toggle
    // An input worth £0 is one whose best fit is the constant: its rows go behind a toggle, so the
    // inputs that matter are read first.
    function decisionTableBoxes(t) {
      const column = t.columns.indexOf("EVPPI (£)");
      // £0 exactly (every digit a zero); a row not estimated keeps its place, with its reason.
      const isZero = (row) => /\d/.test(row[column]) && !/[1-9]/.test(row[column]);
      if (column < 0 || !t.rows.some(isZero)) return [reportTableBox(t)];
      const shown = Object.assign({}, t, {rows: t.rows.filter((row) => !isZero(row))});
      const zero = t.rows.filter(isZero);
      const hidden = {title: "The " + zero.length + " inputs worth £0", columns: t.columns, rows: zero, notes: []};
      const box = reportTableBox(shown);
      box.classList.add("evppi");
      return [box, el("details", {class: "evppi-zero"},
        el("summary", {}, "Show the " + zero.length + " inputs worth £0 (each explains no more than noise would)"),
        reportTableBox(hidden))];
    }

    // MARK: A report table as the server wrote it, in a box that scrolls sideways on a narrow
    // screen (a focusable region, so a keyboard can scroll it too).
    function reportTableBox(t, label) {
      const box = el("div", {class: "report-table", role: "region", tabindex: "0", "aria-label": label || t.title});
      box.append(el("table", {class: "compare"}, el("caption", {}, t.title),
        el("thead", {}, el("tr", {}, t.columns.map((c) => el("th", {scope: "col"}, c)))),
        el("tbody", {}, t.rows.map((row) => el("tr", {}, row.map((cell, i) => i === 0 ? el("th", {scope: "row"}, cell) : el("td", {}, cellText(cell))))))));
      if (t.notes.length) box.append(el("ul", {class: "notes"}, t.notes.map((n) => el("li", {}, n))));
      return box;
    }

    // MARK: Your area (POST /api/share: the same report as msc share)
    // A finance officer picks a county area or police force area and a scenario and reads msc share's
    // tables for it. The cells are the server's text, shown as they come.
    const areaView = (function () {
      let generation = 0;
      function areaNames(kind) {
        const key = kind === "police-force-area" ? "policeForceArea" : "county";
        return [...new Set(catalogue.authorityList.map((a) => a[key]).filter(Boolean))].sort();
      }
      function scenarioNames() { return catalogue.scenarios.map((s) => s.name).concat(uploadedNames()); }
      function fill() {
        const chosen = state.area || {};
        const scenarios = scenarioNames();
        const scenario = scenarios.includes(chosen.scenario) ? chosen.scenario
          : scenarios.includes("county-shared") ? "county-shared" : scenarios[0];
        $("#area-scenario").replaceChildren(...scenarios.map((n) => el("option", {value: n, selected: n === scenario}, n)));
        const kind = chosen.kind === "police-force-area" ? "police-force-area" : "county-area";
        $("#area-kind").value = kind;
        const names = areaNames(kind);
        const name = names.includes(chosen.name) ? chosen.name : (names.includes("Kent") ? "Kent" : names[0]);
        $("#area-name").replaceChildren(...names.map((n) => el("option", {value: n, selected: n === name}, n)));
      }
      function chosen() {
        return {scenario: $("#area-scenario").value, kind: $("#area-kind").value, name: $("#area-name").value};
      }
      async function run() {
        const mine = ++generation;
        const area = chosen();
        const status = $("#area-status");
        status.textContent = "Working out " + area.name + "'s shares under " + area.scenario + "…";
        try {
          const body = scenarioBody(area.scenario, {area: area.name, areaKind: area.kind});
          const data = await api("/api/share", body);
          if (mine !== generation) return;
          $("#area-tables").replaceChildren(...data.tables.map((t) => reportTableBox(t)));
          // The changes these tables were worked out with, for a reader of the markup (and the browser test).
          $("#area-tables").setAttribute("data-overrides", JSON.stringify(body.overrides));
          status.textContent = data.councils.length + " councils in " + data.area.name + " under " + data.scenario
            + "; council's cash cost in " + data.taxYear + " pounds.";
        } catch (error) {
          if (mine !== generation) return;
          $("#area-tables").replaceChildren();
          status.textContent = error.message;
        }
      }
      function choose() { state.area = chosen(); writeState(); run(); }
      function start() {
        $("#area-scenario").addEventListener("change", choose);
        $("#area-kind").addEventListener("change", () => { state.area = Object.assign(chosen(), {name: null}); fill(); choose(); });
        $("#area-name").addEventListener("change", choose);
      }
      // Called after every change on the page: a change of assumption changes the shares.
      function refresh() { fill(); run(); }
      return {start: start, refresh: refresh};
    })();

    // MARK: The map without a mouse
    // A searchable list of the councils beside the map (also its text alternative, every council with
    // its value), and the hexagons as one tab stop that the arrow keys move across, Enter or Space
    // opening the council's card. A council found (typed or clicked) is outlined by copies of its
    // hexagons drawn on top, black under yellow, which show on every fill; a county council, which
    // has no hexagon of its own, by its districts'.
    const mapAccess = (function () {
      function centre(shape) { const box = shape.getBBox(); return {x: box.x + box.width / 2, y: box.y + box.height / 2}; }
      // The nearest hexagon in the arrow's direction, favouring those straight ahead.
      function neighbour(shapes, from, key) {
        const here = centre(from);
        const direction = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1]}[key];
        let best = null, bestScore = Infinity;
        for (const shape of shapes) {
          if (shape === from) continue;
          const c = centre(shape);
          const dx = c.x - here.x, dy = c.y - here.y;
          const ahead = dx * direction[0] + dy * direction[1];
          if (ahead <= 0.5) continue;
          const aside = Math.abs(dx * direction[1] - dy * direction[0]);
          const score = ahead + 2 * aside;
          if (score < bestScore) { bestScore = score; best = shape; }
        }
        return best;
      }
      function enhance(holder, cells, label) {
        const shapes = [...holder.querySelectorAll("[data-code]")];
        // On the page the map is a group of buttons, not one picture (the pack's SVG is an image).
        const svg = holder.querySelector("svg");
        if (svg) svg.setAttribute("role", "group");
        const current = shapes.find((s) => s.getAttribute("data-code") === state.council) || shapes[0];
        for (const shape of shapes) {
          const cell = cells[shape.getAttribute("data-code")];
          shape.setAttribute("tabindex", shape === current ? "0" : "-1");
          shape.setAttribute("role", "button");
          if (cell) shape.setAttribute("aria-label", cell.council + ": " + label + " " + cell.shown);
          if (cell) shape.setAttribute("data-councilcode", cell.councilCode);
          shape.addEventListener("keydown", (event) => {
            if (event.key === "Enter" || event.key === " ") { event.preventDefault(); openCouncil(cell ? cell.councilCode : shape.getAttribute("data-code"), false, shape); return; }
            if (!event.key.startsWith("Arrow")) return;
            const next = neighbour(shapes, shape, event.key);
            event.preventDefault();
            if (!next) return;
            shape.setAttribute("tabindex", "-1");
            next.setAttribute("tabindex", "0");
            next.focus();
          });
        }
        const rows = Object.values(cells).sort((a, b) => a.council.localeCompare(b.council)).map((c) => [c.council, c.shown]);
        $("#map-table-body").replaceChildren(reportTableBox({title: label + " by council", columns: ["Council", label], rows: rows, notes: []}));
      }
      // The council a typed name means: its short or official name exactly, else the one council
      // whose name begins with what was typed.
      function byName(name) {
        const wanted = name.trim().toLowerCase();
        if (!wanted) return null;
        const list = catalogue.authorityList;
        const names = (a) => [a.name, a.officialName || a.name].map((n) => n.toLowerCase());
        const exact = list.find((a) => names(a).includes(wanted));
        if (exact) return exact.code;
        const starting = list.filter((a) => names(a).some((n) => n.startsWith(wanted)));
        return starting.length === 1 ? starting[0].code : null;
      }
      function highlight(code) {
        const holder = $("#map");
        const svg = holder.querySelector("svg");
        for (const old of holder.querySelectorAll(".found-layer")) old.remove();
        if (!svg || !code) { $("#council-found").textContent = ""; return; }
        const council = catalogue.authorityList.find((a) => a.code === code);
        const shapes = [...holder.querySelectorAll("[data-code]")];
        let found = shapes.filter((s) => s.getAttribute("data-councilcode") === code || s.getAttribute("data-code") === code);
        if (!found.length && council && council.tier === "county") {
          const districts = new Set(catalogue.authorityList.filter((a) => a.tier === "district" && a.county === council.name).map((a) => a.code));
          found = shapes.filter((s) => districts.has(s.getAttribute("data-code")));
        }
        if (!found.length) { $("#council-found").textContent = ""; return; }
        const layer = document.createElementNS("http://www.w3.org/2000/svg", "g");
        layer.setAttribute("class", "found-layer");
        layer.setAttribute("aria-hidden", "true");
        for (const [colour, width] of [["#000", 5], ["#ffd400", 2.5]]) {
          for (const shape of found) {
            const copy = document.createElementNS("http://www.w3.org/2000/svg", "polygon");
            copy.setAttribute("points", shape.getAttribute("points"));
            copy.setAttribute("fill", "none");
            copy.setAttribute("stroke", colour);
            copy.setAttribute("stroke-width", String(width));
            copy.setAttribute("stroke-linejoin", "round");
            layer.append(copy);
          }
        }
        svg.append(layer);
        // The arrow keys start from the council found.
        for (const shape of shapes) shape.setAttribute("tabindex", shape === found[0] ? "0" : "-1");
        const name = council ? council.name : code;
        $("#council-found").textContent = name + " is outlined on the map"
          + (found.length > 1 ? " (" + found.length + " hexagons" + (council && council.tier === "county" ? ", its districts" : "") + ")" : "") + ".";
      }
      function openTyped() {
        const code = byName($("#council-search").value);
        if (code) openCouncil(code, false, $("#council-search"));
        else $("#council-search").setCustomValidity("No council of that name: type its name as on the list");
        $("#council-search").reportValidity();
      }
      function start() {
        const names = [...new Set(catalogue.authorityList.flatMap((a) => [a.name, a.officialName || a.name]))].sort((a, b) => a.localeCompare(b));
        $("#council-names").replaceChildren(...names.map((n) => el("option", {value: n})));
        $("#council-search").addEventListener("input", () => $("#council-search").setCustomValidity(""));
        $("#council-search").addEventListener("keydown", (event) => { if (event.key === "Enter") openTyped(); });
        $("#council-open").addEventListener("click", openTyped);
      }
      return {start: start, enhance: enhance, highlight: highlight};
    })();

    // MARK: For the analyst (POST /api/run central with switching values: the same as msc run)
    // Each scenario's caveats, the switching values set against the evidence behind each input, what
    // would have to be true for the case to pay, and the Green Book reviewer's checklist.
    const analyst = (function () {
      let generation = 0;
      // A value as the checklist shows it: whole numbers when large, more places when small.
      const shown = (x) => x === null || x === undefined ? "none"
        : Math.abs(x) >= 100 ? whole.format(x) : Math.abs(x) >= 1 ? two.format(x) : x.toPrecision(3);
      function caveats() {
        const list = $("#analyst-caveats");
        list.replaceChildren();
        for (const name of selectedNames()) {
          const s = catalogue.central && catalogue.central[name];
          for (const caveat of (s && s.caveats) || []) list.append(el("li", {}, el("strong", {}, name + ": "), caveat));
        }
      }
      function fill() {
        const names = selectedNames();
        const previous = $("#analyst-scenario").value;
        const wanted = names.includes(previous) ? previous
          : names.find((n) => n !== "status-quo") || names[0];
        $("#analyst-scenario").replaceChildren(...names.map((n) => el("option", {value: n, selected: n === wanted}, n)));
      }
      async function run() {
        const mine = ++generation;
        const scenario = $("#analyst-scenario").value;
        if (!scenario) return;
        const status = $("#analyst-status");
        status.textContent = "Solving " + scenario + "'s switching values…";
        try {
          const data = await api("/api/run", scenarioBody(scenario, {central: true, switchingValues: true}));
          if (mine !== generation) return;
          const book = data.scenarios[0].greenBook;
          const truth = book.items.find((i) => i.point === "What would have to be true");
          $("#analyst-truth").replaceChildren(el("h3", {}, "What would have to be true"), el("p", {class: "truth"}, truth ? truth.text : ""));
          const table = {title: scenario + ": switching values against the evidence behind each input",
            columns: ["Input", "Evidence", "Central", "Switching value", "90% range", "Inside its 90% range", "Reading"],
            rows: book.switchingValues.map((v) => [v.name, v.evidence || "n/a", shown(v.central), shown(v.switchingValue),
              v.p5 === null ? "fixed" : shown(v.p5) + " to " + shown(v.p95), v.p5 === null ? "fixed" : (v.insideRange ? "yes" : "no"), v.statement]),
            notes: ["Each input moved alone, all others at their central values. An input whose switching value lies inside its own 90% range, and whose evidence is illustrative, is where the case is weakest."]};
          $("#analyst-switching").replaceChildren(reportTableBox(table));
          $("#analyst-checklist-table").replaceChildren(reportTableBox({title: scenario + ": Green Book reviewer's checklist",
            columns: ["Point", "This appraisal"], rows: book.items.map((i) => [i.point, i.text]), notes: []}));
          status.textContent = "Central inputs of " + scenario + ", " + book.switchingValues.length + " inputs solved.";
        } catch (error) {
          if (mine === generation) status.textContent = error.message;
        }
      }
      function start() { $("#analyst-scenario").addEventListener("change", run); }
      function refresh() { caveats(); fill(); run(); }
      return {start: start, refresh: refresh};
    })();

    // MARK: Where first? (POST /api/target: the same use case as msc target)
    // Each new choice aborts the previous request, whose closed connection stops its work on the server.
    const whereFirst = (function () {
      let controller = null;
      let last = null;
      function budgetText() { $("#target-budget-text").textContent = money(Number($("#target-budget").value)) + " a year"; }
      // The page's report table (a focusable region, so a keyboard can scroll it), held to a height.
      function table(t) {
        const box = reportTableBox(t);
        box.classList.add("target-table");
        return box;
      }
      function show() {
        const data = last;
        if (!data) return;
        const index = $("#target-index").value;
        const position = data.indices.findIndex((r) => r.index === index);
        // Tables come as chosen, frontier for each index in turn; charts as frontier, map.
        const perIndex = data.tables.length / data.indices.length;
        const tables = data.tables.slice(position * perIndex, (position + 1) * perIndex);
        $("#target-table").replaceChildren(el("p", {}, data.headline), tables.length ? table(tables[0]) : "");
        const charts = $("#target-charts");
        charts.replaceChildren();
        for (const chart of data.charts.filter((c) => c.fileName.startsWith("where-first-" + index + "-"))) {
          const figure = el("figure", {"data-file": chart.fileName});
          const holder = el("div", {class: "svg"});
          // The chart code escapes every text it draws; the SVG is the server's own.
          holder.innerHTML = chart.svg;
          figure.append(holder, el("figcaption", {}, chart.caption));
          charts.append(figure);
        }
        if (tables.length > 1) charts.append(table(tables[1]));
        const universal = data.indices[position].universal.cost;
        if (universal > 0) $("#target-budget").max = String(Math.ceil(universal / 1e6) * 1e6);
      }
      async function run() {
        if (controller) controller.abort();
        controller = new AbortController();
        const mine = controller;
        const status = $("#target-status");
        const scenario = $("#target-scenario").value;
        const body = requestBody({budget: Number($("#target-budget").value), frontier: 20});
        // The chosen rules first; the other ticked shipped scenarios are marked on the frontier.
        body.scenarios = [scenario].concat(state.scenarios.filter((n) => n !== scenario));
        body.uploads = [];
        delete body.baseline;
        body.iterations = Math.min(Number(state.iterations) || 1000, 20000);
        status.textContent = "Choosing the posts (" + whole.format(body.iterations) + " iterations)…";
        try {
          const response = await fetch("/api/target", {method: "POST", signal: mine.signal,
            headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
          const data = await response.json();
          if (mine !== controller) return;
          if (!response.ok) throw new Error(data.error || response.statusText);
          last = data;
          show();
          status.textContent = "Chosen on " + whole.format(data.runs) + " iterations, seed " + data.seed + ".";
        } catch (error) {
          if (mine !== controller || error.name === "AbortError") return;
          status.textContent = error.message;
        }
      }
      function start() {
        const select = $("#target-scenario");
        select.replaceChildren(...catalogue.scenarios.map((s) => el("option", {value: s.name}, s.name)));
        if (catalogue.scenarios.some((s) => s.name === "national-rollout")) select.value = "national-rollout";
        budgetText();
        $("#target-budget").addEventListener("input", budgetText);
        $("#target-budget").addEventListener("change", run);
        $("#target-scenario").addEventListener("change", run);
        $("#target-index").addEventListener("change", show);
        $("#target-run").addEventListener("click", run);
      }
      return {start: start};
    })();
// MARK: Pilot: what a pilot of one scenario's posts is worth (POST /api/pilot, as msc pilot).
// Run on demand (it is a Monte Carlo of two scenarios and a grid of valuations), under its own
// client name so that it neither cancels nor is cancelled by the page's comparison.
const pilotClient = clientId + "-pilot";
let pilotGeneration = 0;
function renderPilotControls() {
  const select = $("#pilot-scenario");
  const previous = select.value;
  const baseline = requestBody().baseline;
  const names = state.scenarios.filter((n) => n !== baseline);
  // No baseline picked: each scenario against the one it declares (as msc pilot does).
  select.replaceChildren(...names.map((n) => el("option", {value: n, selected: n === previous},
    n + " against " + (baseline || "the baseline it declares"))));
  $("#pilot-run").disabled = names.length === 0;
  $("#pilot-status").textContent = names.length ? "" : "Tick a scenario besides the baseline to value a pilot of its posts.";
}
function pilotNumbers(text) {
  return text.split(",").map((part) => part.trim()).filter((part) => part !== "").map(Number);
}
function pilotTable(table) {
  return el("div", {class: "table-wrap"}, el("table", {class: "compare pilot-grid"}, el("caption", {}, table.title),
    el("thead", {}, el("tr", {}, table.columns.map((c) => el("th", {scope: "col"}, c)))),
    el("tbody", {}, table.rows.map((row) => el("tr", {}, row.map((cell, i) => el(i === 0 ? "th" : "td", i === 0 ? {scope: "row"} : {}, cellText(cell))))))));
}
async function runPilot() {
  const mine = ++pilotGeneration;
  const result = $("#pilot-result"), status = $("#pilot-status"), error = $("#pilot-error");
  error.hidden = true;
  const body = requestBody({sizes: pilotNumbers($("#pilot-sizes").value), years: pilotNumbers($("#pilot-years").value)});
  body.scenarios = [$("#pilot-scenario").value];
  body.uploads = [];
  status.textContent = "Running both scenarios' Monte Carlo and valuing each pilot design…";
  try {
    const response = await fetch("/api/pilot", {method: "POST", headers: {"Content-Type": "application/json", "X-MSC-Client": pilotClient},
                                                 body: JSON.stringify(body)});
    const data = await response.json().catch(() => ({error: response.statusText}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    if (mine !== pilotGeneration) return;
    const figure = el("figure", {"data-file": data.chart.fileName});
    const holder = el("div", {class: "svg"});
    // The chart code escapes every text it draws; the SVG is the server's own.
    holder.innerHTML = data.chart.svg;
    figure.append(holder, el("figcaption", {}, data.chart.caption));
    result.replaceChildren(el("p", {class: "headline"}, data.headline), pilotTable(data.table), figure,
      el("h3", {}, "What these figures rest on"), el("ul", {class: "notes pilot-caveats"}, data.caveats.map((c) => el("li", {}, c))));
    status.textContent = "Valued " + data.designs.length + " designs on " + whole.format(data.manifest.runs) + " iterations, seed " + data.manifest.seed + ".";
  } catch (failure) {
    if (mine !== pilotGeneration) return;
    status.textContent = "";
    error.textContent = failure.message;
    error.hidden = false;
  }
}

// MARK: Start
async function start() {
  try {
    const [scenarios, assumptions, authorities] = await Promise.all([api("/api/scenarios"), api("/api/assumptions"), api("/api/authorities")]);
    catalogue.scenarios = scenarios;
    catalogue.groups = assumptions.groups;
    for (const g of assumptions.groups) for (const a of g.assumptions) catalogue.assumptions[a.name] = a;
    for (const a of authorities) catalogue.authorities[a.code] = a.name;
    catalogue.authorityList = authorities;
  } catch (error) { showError(error); return; }
  state = readState();
  renderScenarioControls();
  renderAssumptions();
  $("#baseline").addEventListener("change", (e) => { state.baseline = e.target.value; changed(); });
  $("#map-scenario").addEventListener("change", (e) => { state.mapScenario = e.target.value; state.council = null; $("#council-card").hidden = true; writeState(); renderMap(); });
  $("#map-colour").addEventListener("change", (e) => { state.colour = e.target.value; writeState(); renderMap(); });
  $("#iterations").addEventListener("change", (e) => { state.iterations = Number(e.target.value) || 10000; changed(); });
  $("#seed").addEventListener("change", (e) => { state.seed = Number(e.target.value) || 0; changed(); });
  $("#upload").addEventListener("change", (e) => { if (e.target.files[0]) upload(e.target.files[0]); });
  $("#undo-all").addEventListener("click", () => { state.overrides = {}; renderAssumptions(); changed(); });
  $("#copy-link").addEventListener("click", copyLink);
  $("#download-pack").addEventListener("click", downloadPack);
  whereFirst.start();
  $("#pilot-run").addEventListener("click", runPilot);
  areaView.start();
  mapAccess.start();
  analyst.start();
  window.addEventListener("hashchange", () => { state = readState(); renderScenarioControls(); renderAssumptions(); changed(); });
  changed();
}
start();
})();
