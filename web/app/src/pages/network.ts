// The alliance network, window by window: blocs coloured, hubs sized by hub score, ties that
// open their evidence. The analysis (structural-balance blocs, hub-and-spoke scores, one
// fixed layout for all windows) comes from the network stage via /api/network/graph; an edge's
// events and sentences are fetched from /api/network/evidence when it is clicked.
// All text goes in with textContent (dom.ts), so sentences and titles are never parsed as HTML.
import { get } from "../api";
import { clear, h, link, s } from "../dom";
import { navigate, setQuery } from "../main";

const W = 900;
const H = 600;
const PAD = 50;
// Same palette as the report's interactive graph, so a bloc id has one colour everywhere.
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];
const UNALIGNED = "#c7c7c7";

export function blocColour(b: number | null | undefined): string {
  return b === null || b === undefined || b < 0 ? UNALIGNED : PALETTE[b % PALETTE.length];
}

interface Node { id: string; label: string; bloc: number | null; hub_score: number; cooperative_degree: number; clustering: number; events: number; x: number; y: number }
interface Edge { source: string; target: string; cooperation: number; conflict: number; neutral: number; events: number; cooperative_events: number; conflictual_events: number; weight: number; sign: number; balance: number }
interface Graph { label: string; key: string; index: number; start: string; end: string; nodes: Node[]; edges: Edge[]; blocs: { id: number; members: string[]; size: number }[]; hubs: { actor: string; score: number; cooperative_degree: number; clustering: number; spokes: string[] }[]; structural_balance: number; frustration: number }

const px = (x: number) => PAD + ((Math.max(-1.05, Math.min(1.05, x)) + 1.05) / 2.1) * (W - 2 * PAD);
const py = (y: number) => PAD + ((Math.max(-1.05, Math.min(1.05, y)) + 1.05) / 2.1) * (H - 2 * PAD);
const r2 = (x: number) => (Math.round(x * 100) / 100).toString();

function swatch(bloc: number | null): HTMLElement {
  const sw = h("span", { class: "swatch bloc-swatch" });
  sw.style.background = blocColour(bloc);
  return sw;
}

function summary(g: Graph, names: Map<string, string>): HTMLElement[] {
  const name = (c: string) => names.get(c) || c;
  const out: HTMLElement[] = [h("h2", null, g.label), h("p", { class: "muted" }, `${g.start} to ${g.end} · structural balance ${r2(g.structural_balance)}`)];
  out.push(h("h3", null, `Blocs (${g.blocs.length})`));
  out.push(g.blocs.length
    ? h("ul", { id: "bloc-list" }, g.blocs.map((b) => h("li", { "data-bloc": b.id }, swatch(b.id), `Bloc ${b.id + 1}: `, b.members.map(name).join(", "))))
    : h("p", { class: "muted" }, "No signed ties, so no blocs."));
  out.push(h("h3", null, `Hubs (${g.hubs.length})`));
  out.push(g.hubs.length
    ? h("ol", { id: "hub-list" }, g.hubs.map((x) => h("li", null, h("strong", null, name(x.actor)), ` score ${r2(x.score)} · ${x.cooperative_degree} partners: ${x.spokes.map(name).join(", ")}`)))
    : h("p", { class: "muted" }, "No actor has three or more cooperative partners here."));
  out.push(h("p", { class: "muted" }, "Click a tie to read the events and sentences behind it; click an actor for its page."));
  return out;
}

async function showEvidence(panel: HTMLElement, e: Edge, g: Graph, windowKind: string, names: Map<string, string>, back: () => void): Promise<void> {
  clear(panel);
  const name = (c: string) => names.get(c) || c;
  panel.appendChild(h("button", { type: "button", class: "back", onclick: back }, "← window summary"));
  panel.appendChild(h("h2", { id: "evidence-title" }, `${name(e.source)} – ${name(e.target)}`));
  panel.appendChild(h("p", { class: "muted" }, `${g.label}: ${e.cooperative_events} cooperative, ${e.conflictual_events} conflictual, ${e.events} events in all · net ${r2(e.weight)} (cooperation ${r2(e.cooperation)}, conflict ${r2(e.conflict)})`));
  const list = h("ol", { id: "evidence-list", class: "evidence" }, h("li", { class: "muted" }, "Loading…"));
  panel.appendChild(list);
  const data = await get("/network/evidence", { source: e.source, target: e.target, window: windowKind, w: g.key, limit: 100 });
  clear(list);
  for (const ev of data.evidence) {
    const tone = ev.sign > 0 ? "coop" : ev.sign < 0 ? "confl" : "neutral";
    const where = [ev.outlet, ev.published || ev.date].filter(Boolean).join(", ");
    list.appendChild(h("li", { class: `ev ${tone}`, "data-article": ev.article, "data-event": ev.event },
      h("div", null, h("strong", null, ev.type), ` ${ev.source} → ${ev.target} `, h("span", { class: `status st-${ev.status}` }, ev.status), h("span", { class: "muted" }, ` weight ${r2(ev.weight)} · ${ev.date}`)),
      h("blockquote", { class: "sentence" }, ev.sentence?.text ?? "(sentence not available)"),
      h("div", { class: "muted" }, link(ev.href, ev.title || ev.article), where ? ` · ${where}` : "", ev.sentence ? ` · characters ${ev.sentence.start}–${ev.sentence.end}` : "",
        ev.attributed_to ? ` · according to ${ev.attributed_to}` : "")));
  }
  if (data.total > data.evidence.length) list.appendChild(h("li", { class: "muted" }, `… and ${data.total - data.evidence.length} lighter events`));
  if (!data.evidence.length) list.appendChild(h("li", { class: "muted" }, "No stored events for this tie."));
}

export async function networkPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const windowKind = params.get("window") === "week" ? "week" : "month";
  const w = params.get("w");
  const data = await get("/network/graph", { window: windowKind, w: w && /^(all|\d{4}-\d{2}|\d{4}-W\d{2})$/.test(w) ? w : null });
  root.appendChild(h("h1", null, "Network"));
  if (!data.available) {
    root.appendChild(h("p", { class: "error" }, data.reason || "The network analysis is not available."));
    return;
  }
  const windows: { label: string; start: string; end: string; events: number; actors: number }[] = data.windows;
  const g: Graph | null = data.graph;
  if (!windows.length || !g) {
    root.appendChild(h("p", { class: "muted" }, "No dated events between actors yet."));
    return;
  }
  const whole = g.index < 0;
  const current = whole ? windows.length - 1 : g.index;
  const label = h("output", { id: "window-label" }, whole ? `whole period (${g.start} to ${g.end})` : `${g.label} (${g.start} to ${g.end})`);
  const slider = h("input", { type: "range", id: "time-slider", min: 0, max: windows.length - 1, step: 1, value: current, "aria-label": "window" }) as HTMLInputElement;
  slider.addEventListener("input", () => {
    const x = windows[Number(slider.value)];
    label.textContent = `${x.label} (${x.events} events)`;
  });
  slider.addEventListener("change", () => setQuery({ window: windowKind, w: windows[Number(slider.value)].label }, true));
  const kind = h("select", { id: "window-size", "aria-label": "window length" }, h("option", { value: "month", selected: windowKind === "month" }, "months"), h("option", { value: "week", selected: windowKind === "week" }, "weeks")) as HTMLSelectElement;
  kind.addEventListener("change", () => setQuery({ window: kind.value, w: null }, true));
  const period = h("label", null, h("input", { type: "checkbox", id: "whole-period", checked: whole }), " whole period") ;
  period.querySelector("input")!.addEventListener("change", (ev) => setQuery({ window: windowKind, w: (ev.target as HTMLInputElement).checked ? "all" : windows[current].label }, true));
  root.appendChild(h("div", { class: "timebar" }, h("label", null, "Windows ", kind), h("label", { class: "slider" }, "Window ", slider), period, label));
  root.appendChild(h("p", { class: "legend" }, h("span", { class: "coop" }, "━ net cooperation"), " ", h("span", { class: "confl" }, "━ net conflict"), " ", h("span", { class: "neutral" }, "━ neutral"),
    " · node colour = bloc, size = hub score", ` · ${g.nodes.length} actors, ${g.edges.length} ties · `, link(`/events?date_from=${g.start}&date_to=${g.end}`, "events in this window"),
    data.status === "updating" ? h("span", { class: "muted", id: "network-updating" }, " · newer articles are being analysed; reload in a moment") : null));
  if (!g.nodes.length) {
    root.appendChild(h("p", { class: "muted", id: "network-empty" }, "No ties in this window."));
    return;
  }

  const names = new Map(g.nodes.map((n) => [n.id, n.label && n.label !== n.id ? n.label : n.id]));
  const panel = h("aside", { class: "panel network-panel", id: "network-panel" });
  const showSummary = () => { clear(panel); panel.append(...summary(g, names)); };
  showSummary();

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", id: "network-svg", role: "img", "aria-label": "actor network" });
  const pos = new Map(g.nodes.map((n) => [n.id, { x: px(n.x), y: py(n.y) }]));
  const maxW = Math.max(1, ...g.edges.map((e) => e.events));
  let selected: Element | null = null;
  for (const e of g.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    const tone = e.sign > 0 ? "coop" : e.sign < 0 ? "confl" : "neutral";
    const group = s("g", { class: `edge ${tone}`, "data-source": e.source, "data-target": e.target, tabindex: 0, role: "button", "aria-label": `tie ${e.source}–${e.target}` });
    group.appendChild(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge-line", "stroke-width": 1.5 + (6 * e.events) / maxW }));
    group.appendChild(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge-hit" }));
    group.appendChild(s("title", null, `${e.source}–${e.target}: ${e.cooperative_events} cooperative, ${e.conflictual_events} conflictual, ${e.events} events (net ${r2(e.weight)})`));
    const open = () => {
      selected?.classList.remove("selected");
      group.classList.add("selected");
      selected = group;
      void showEvidence(panel, e, g, windowKind, names, () => { selected?.classList.remove("selected"); showSummary(); }).catch((err) => {
        panel.appendChild(h("p", { class: "error" }, `Could not load the evidence: ${(err as Error).message}`));
      });
    };
    group.addEventListener("click", open);
    group.addEventListener("keydown", (ev) => { if ((ev as KeyboardEvent).key === "Enter") open(); });
    svg.appendChild(group);
  }
  const maxHub = Math.max(1, ...g.nodes.map((n) => n.hub_score));
  for (const n of g.nodes) {
    const p = pos.get(n.id)!;
    const r = 6 + (14 * n.hub_score) / maxHub;
    const gEl = s("g", { class: "node", "data-id": n.id, "data-bloc": n.bloc ?? "", "data-hub": n.hub_score, transform: `translate(${p.x},${p.y})`, tabindex: 0 });
    const circle = s("circle", { r, class: n.bloc === null ? "unaligned" : `bloc bloc-${n.bloc}` });
    circle.style.fill = blocColour(n.bloc);
    gEl.appendChild(circle);
    gEl.appendChild(s("text", { x: 0, y: -r - 4, "text-anchor": "middle" }, names.get(n.id) || n.id));
    gEl.appendChild(s("title", null, `${n.label} (${n.id}): ${n.bloc === null ? "unaligned" : `bloc ${n.bloc + 1}`}, hub score ${r2(n.hub_score)}, ${n.cooperative_degree} cooperative partners, ${n.events} events`));
    gEl.addEventListener("click", () => navigate(`/actors/${encodeURIComponent(n.id)}`));
    svg.appendChild(gEl);
  }
  root.appendChild(h("div", { class: "network-layout" }, svg, panel));
}
