// Interactive alliance network for the Allegiance report.
//
// Usage (the payload is allegiance.network.network_payload(...)):
//   window.AllegianceNetwork.mount(element, payload) -> { show(i), showOverall(), destroy() }
//
// A time slider walks the windows; nodes are coloured by bloc and sized by hub score; edges
// are green (net cooperation) or red (net conflict). Clicking an edge lists its evidence --
// every event with its sentence -- in the side panel; all text is inserted with textContent,
// never as HTML, so article text cannot inject markup.
import cytoscape from "cytoscape";

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
  "#17becf", "#bcbd22", "#7f7f7f"];
const UNALIGNED = "#c7c7c7";
const CSS = `
.alg-net{display:flex;flex-direction:column;height:100%;min-height:420px;font:13px/1.4 system-ui,sans-serif;color:#222}
.alg-net-bar{display:flex;gap:.6em;align-items:center;padding:.3em .4em;border-bottom:1px solid #ddd;flex-wrap:wrap}
.alg-net-bar input[type=range]{flex:1;min-width:120px}
.alg-net-bar .alg-net-label{font-weight:600;min-width:11em}
.alg-net-body{display:flex;flex:1;min-height:0}
.alg-net-graph{flex:1;min-width:0;position:relative}
.alg-net-panel{width:34%;max-width:380px;min-width:220px;overflow:auto;border-left:1px solid #ddd;padding:.4em .6em}
.alg-net-panel h4{margin:.5em 0 .2em}
.alg-net-panel ol,.alg-net-panel ul{padding-left:1.2em;margin:.2em 0}
.alg-net-panel li{margin:.25em 0}
.alg-net-ev{border-left:3px solid #999;padding-left:.4em}
.alg-net-ev.coop{border-color:#2ca02c}.alg-net-ev.conf{border-color:#d62728}
.alg-net-meta{color:#666;font-size:12px}
.alg-net-sent{font-style:italic}
.alg-net-swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em;vertical-align:middle}
.alg-net-empty{position:absolute;top:45%;width:100%;text-align:center;color:#888}
.alg-net-link{cursor:pointer;color:#0645ad;text-decoration:underline}
`;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" || typeof c === "number"
      ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function injectCss() {
  if (document.getElementById("alg-net-css")) return;
  const style = el("style", { id: "alg-net-css" });
  style.textContent = CSS;
  document.head.appendChild(style);
}

function blocColour(b) {
  return b === null || b === undefined || b < 0 ? UNALIGNED : PALETTE[b % PALETTE.length];
}

function fmt(x) {
  return (Math.round(x * 100) / 100).toString();
}

function evidenceItem(ev) {
  const cls = ev.sign > 0 ? "coop" : ev.sign < 0 ? "conf" : "";
  const sentence = ev.sentence && ev.sentence.text ? ev.sentence.text : "(sentence not available)";
  const where = [ev.outlet, ev.published || ev.date].filter(Boolean).join(", ");
  const anchorId = ev.article ? `${ev.article}-event-${ev.event}` : null;
  let title = el("span", {}, ev.title || ev.article || "article");
  if (anchorId && document.getElementById(anchorId)) {
    title = el("a", { href: `#${anchorId}` }, ev.title || ev.article);
  }
  return el("li", { class: `alg-net-ev ${cls}` },
    el("div", {}, el("b", {}, ev.type), ` ${ev.source} \u2192 ${ev.target} `,
      el("span", { class: "alg-net-meta" }, `(${ev.status}, weight ${fmt(ev.weight)})`)),
    el("div", { class: "alg-net-sent" }, `\u201c${sentence}\u201d`),
    el("div", { class: "alg-net-meta" }, title, where ? ` \u00b7 ${where}` : "",
      ev.article ? ` \u00b7 article ${ev.article}, event ${ev.event}` : "",
      ev.sentence ? ` \u00b7 chars ${ev.sentence.start}\u2013${ev.sentence.end}` : ""));
}

function mount(container, payload, options) {
  if (!container) throw new Error("AllegianceNetwork.mount: no element");
  const opts = Object.assign({ scale: 420 }, options || {});
  injectCss();
  const data = payload || {};
  const windows = data.windows || [];
  const evidence = data.evidence || [];
  const actors = data.actors || {};
  while (container.firstChild) container.removeChild(container.firstChild);

  const label = el("span", { class: "alg-net-label" });
  const slider = el("input", { type: "range", min: 0, max: Math.max(windows.length - 1, 0),
    step: 1, value: Math.max(windows.length - 1, 0), "aria-label": "time window" });
  const overallBox = el("input", { type: "checkbox", id: `alg-net-all-${Math.random().toString(36).slice(2)}` });
  const play = el("button", { type: "button" }, "\u25b6 play");
  const bar = el("div", { class: "alg-net-bar" }, label, slider,
    el("label", {}, overallBox, " whole period"), play);
  const graph = el("div", { class: "alg-net-graph" });
  const panel = el("div", { class: "alg-net-panel", "aria-live": "polite" });
  const root = el("div", { class: "alg-net" }, bar, el("div", { class: "alg-net-body" }, graph, panel));
  container.appendChild(root);

  if (!windows.length && !data.overall) {
    graph.appendChild(el("div", { class: "alg-net-empty" }, "No events with two coded actors."));
    return { show() {}, showOverall() {}, destroy() { container.removeChild(root); } };
  }

  const cy = cytoscape({
    container: graph,
    elements: [],
    layout: { name: "preset" },
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", label: "data(id)", width: "data(size)",
        height: "data(size)", "font-size": 10, "text-valign": "center", "text-halign": "center",
        "border-width": 1, "border-color": "#333", color: "#111", "text-outline-color": "#fff",
        "text-outline-width": 2 } },
      { selector: "edge", style: {
        width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75,
        "arrow-scale": 0.8 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#000",
        "line-style": "dashed", opacity: 1 } },
    ],
  });

  let current = null;

  function position(id) {
    const a = actors[id] || { x: 0, y: 0 };
    return { x: a.x * opts.scale, y: -a.y * opts.scale };
  }

  function render(win) {
    current = win;
    cy.elements().remove();
    const peakHub = Math.max(1, ...win.nodes.map((n) => n.hub_score));
    const peakW = Math.max(1e-9, ...win.edges.map((e) => Math.abs(e.weight)));
    const els = [];
    for (const n of win.nodes) {
      els.push({ group: "nodes", data: { id: n.id, label: n.label, colour: blocColour(n.bloc),
        size: 18 + 42 * (n.hub_score / peakHub), node: n }, position: position(n.id) });
    }
    win.edges.forEach((e, i) => {
      const colour = e.weight > 0 ? "#2ca02c" : e.weight < 0 ? "#d62728" : "#999";
      els.push({ group: "edges", data: { id: `e${i}`, source: e.source, target: e.target,
        colour, width: 1 + 7 * Math.abs(e.weight) / peakW, edge: e } });
    });
    cy.add(els);
    cy.fit(undefined, 30);
    const empty = graph.querySelector(".alg-net-empty");
    if (empty) graph.removeChild(empty);
    if (!win.edges.length) graph.appendChild(el("div", { class: "alg-net-empty" }, "No ties in this window."));
    label.textContent = win === data.overall
      ? `whole period (${win.start} \u2013 ${win.end})`
      : `${win.label} (${win.start} \u2013 ${win.end})`;
    summary(win);
  }

  function clearPanel() {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
  }

  function summary(win) {
    clearPanel();
    panel.appendChild(el("div", { class: "alg-net-meta" },
      "Click a tie to read its evidence, an actor for its ties."));
    panel.appendChild(el("h4", {}, "Blocs"));
    const blocs = el("ul", {});
    for (const b of win.blocs || []) {
      blocs.appendChild(el("li", {}, el("span", { class: "alg-net-swatch",
        style: `background:${blocColour(b.id)}` }), b.members.join(", ")));
    }
    if (!(win.blocs || []).length) blocs.appendChild(el("li", {}, "none"));
    panel.appendChild(blocs);
    if (typeof win.structural_balance === "number") {
      panel.appendChild(el("div", { class: "alg-net-meta" },
        `structural balance ${fmt(win.structural_balance)} (1 = every tie fits the blocs)`));
    }
    panel.appendChild(el("h4", {}, "Hubs (cooperative degree \u00d7 (1 \u2212 clustering))"));
    const hubs = el("ol", {});
    for (const h of win.hubs || []) {
      hubs.appendChild(el("li", {}, el("b", {}, h.actor), ` ${fmt(h.score)} \u2014 spokes: ${h.spokes.join(", ")}`));
    }
    if (!(win.hubs || []).length) hubs.appendChild(el("li", {}, "none"));
    panel.appendChild(hubs);
    const rel = (data.realignments || []).filter((r) => win === data.overall || r.to === win.label);
    panel.appendChild(el("h4", {}, win === data.overall ? "Realignments" : "Realignments into this window"));
    const list = el("ol", {});
    for (const r of rel.slice(0, 30)) {
      list.appendChild(el("li", {}, el("span", { class: "alg-net-link", onclick: () => showRealignment(r) },
        `${r.dyad.join("\u2013")}: ${r.from} \u2192 ${r.to}`),
        ` ${fmt(r.balance_from)} \u2192 ${fmt(r.balance_to)} (${r.kind.replace(/_/g, " ")})`));
    }
    if (!rel.length) list.appendChild(el("li", {}, "none"));
    panel.appendChild(list);
  }

  function backLink() {
    return el("div", {}, el("span", { class: "alg-net-link", onclick: () => summary(current) }, "\u2190 window summary"));
  }

  function showEdge(e) {
    clearPanel();
    panel.appendChild(backLink());
    panel.appendChild(el("h4", {}, `${e.source} \u2192 ${e.target}`));
    panel.appendChild(el("div", { class: "alg-net-meta" },
      `cooperation ${fmt(e.cooperation)}, conflict ${fmt(e.conflict)}, neutral ${fmt(e.neutral)}, ` +
      `${e.events} event(s), balance ${fmt(e.balance)}`));
    const list = el("ol", {});
    for (const i of e.evidence || []) if (evidence[i]) list.appendChild(evidenceItem(evidence[i]));
    panel.appendChild(list);
  }

  function showNode(n) {
    clearPanel();
    panel.appendChild(backLink());
    panel.appendChild(el("h4", {}, `${n.label} (${n.id})`));
    panel.appendChild(el("div", { class: "alg-net-meta" },
      `bloc ${n.bloc === null ? "none" : n.bloc}, hub score ${fmt(n.hub_score)}, ` +
      `${n.cooperative_degree} cooperative partner(s), clustering ${fmt(n.clustering)}`));
    const list = el("ul", {});
    for (const e of current.edges) {
      if (e.source !== n.id && e.target !== n.id) continue;
      list.appendChild(el("li", {}, el("span", { class: "alg-net-link", onclick: () => showEdge(e) },
        `${e.source} \u2192 ${e.target}`), ` net ${fmt(e.weight)} (${e.events} event(s))`));
    }
    panel.appendChild(list);
  }

  function showRealignment(r) {
    clearPanel();
    panel.appendChild(backLink());
    panel.appendChild(el("h4", {}, `${r.dyad.join("\u2013")}: ${r.kind.replace(/_/g, " ")}`));
    panel.appendChild(el("div", { class: "alg-net-meta" },
      `balance ${fmt(r.balance_from)} in ${r.from} \u2192 ${fmt(r.balance_to)} in ${r.to} (z ${fmt(r.z || 0)})`));
    panel.appendChild(el("h4", {}, `What drove it (${r.to})`));
    const d = el("ol", {});
    for (const i of r.drivers || []) if (evidence[i]) d.appendChild(evidenceItem(evidence[i]));
    panel.appendChild(d);
    panel.appendChild(el("h4", {}, `Before (${r.from})`));
    const b = el("ol", {});
    for (const i of r.before || []) if (evidence[i]) b.appendChild(evidenceItem(evidence[i]));
    panel.appendChild(b);
  }

  cy.on("tap", "edge", (evt) => showEdge(evt.target.data("edge")));
  cy.on("tap", "node", (evt) => showNode(evt.target.data("node")));

  function show(i) {
    if (!windows.length) return;
    const k = Math.max(0, Math.min(windows.length - 1, i | 0));
    overallBox.checked = false;
    slider.value = String(k);
    render(windows[k]);
  }
  function showOverall() {
    if (!data.overall) return;
    overallBox.checked = true;
    render(data.overall);
  }

  slider.addEventListener("input", () => show(Number(slider.value)));
  overallBox.addEventListener("change", () => (overallBox.checked ? showOverall() : show(Number(slider.value))));
  let timer = null;
  play.addEventListener("click", () => {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
    play.textContent = "\u25a0 stop";
    let k = Number(slider.value) >= windows.length - 1 ? 0 : Number(slider.value);
    show(k);
    timer = setInterval(() => {
      k += 1;
      if (k >= windows.length) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
      show(k);
    }, 1200);
  });

  if (data.overall) showOverall(); else show(windows.length - 1);
  return {
    show, showOverall, cy,
    destroy() { if (timer) clearInterval(timer); cy.destroy(); container.removeChild(root); },
  };
}

const api = { mount, version: 1 };
if (typeof window !== "undefined") window.AllegianceNetwork = api;
export default api;
