// The alliance network in a time window: a force layout in SVG with a month slider.
import { get } from "../api";
import { h, link, s } from "../dom";
import { navigate, setQuery } from "../main";

const positions = new Map<string, { x: number; y: number }>();
const W = 900;
const H = 600;

function addMonths(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number);
  const t = y * 12 + (m - 1) + delta;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function layout(nodes: any[], edges: any[]): void {
  const pos = nodes.map((n, i) => {
    const p = positions.get(n.id) || { x: W / 2 + 250 * Math.cos((2 * Math.PI * i) / nodes.length), y: H / 2 + 220 * Math.sin((2 * Math.PI * i) / nodes.length) };
    return { ...p };
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
  let temp = 60;
  for (let it = 0; it < 250; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < pos.length; i++)
      for (let j = i + 1; j < pos.length; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
      }
    for (const e of edges) {
      const i = index.get(e.source)!;
      const j = index.get(e.target)!;
      const dx = pos[i].x - pos[j].x;
      const dy = pos[i].y - pos[j].y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = ((d * d) / k) * Math.min(1, 0.2 + Math.log1p(e.weight) / 5);
      disp[i].x -= (dx / d) * f; disp[i].y -= (dy / d) * f;
      disp[j].x += (dx / d) * f; disp[j].y += (dy / d) * f;
    }
    for (let i = 0; i < pos.length; i++) {
      disp[i].x += (W / 2 - pos[i].x) * 0.003 * k;
      disp[i].y += (H / 2 - pos[i].y) * 0.003 * k;
      const d = Math.max(0.01, Math.hypot(disp[i].x, disp[i].y));
      pos[i].x = Math.min(W - 40, Math.max(40, pos[i].x + (disp[i].x / d) * Math.min(d, temp)));
      pos[i].y = Math.min(H - 30, Math.max(30, pos[i].y + (disp[i].y / d) * Math.min(d, temp)));
    }
    temp = Math.max(1, temp * 0.98);
  }
  nodes.forEach((n, i) => positions.set(n.id, pos[i]));
}

export async function networkPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const all = await get("/network", { limit: 1 });
  const months: string[] = all.months;
  root.appendChild(h("h1", null, "Network"));
  if (!months.length) {
    root.appendChild(h("p", { class: "muted" }, "No dated events between actors yet."));
    return;
  }
  const windowMonths = Math.max(1, Math.min(120, Number(params.get("window") || 3)));
  let end = params.get("end") || months[months.length - 1];
  if (!months.includes(end)) end = months[months.length - 1];
  const start = addMonths(end, -(windowMonths - 1));
  const net = await get("/network", { date_from: `${start}-01`, date_to: lastDay(end), limit: 150 });

  const label = h("output", { id: "window-label" }, `${start} to ${end}`);
  const slider = h("input", { type: "range", id: "time-slider", min: 0, max: months.length - 1, step: 1, value: months.indexOf(end), "aria-label": "window end month" }) as HTMLInputElement;
  slider.addEventListener("input", () => {
    const m = months[Number(slider.value)];
    label.textContent = `${addMonths(m, -(windowMonths - 1))} to ${m}`;
  });
  slider.addEventListener("change", () => setQuery({ end: months[Number(slider.value)], window: String(windowMonths) }, true));
  const win = h("select", { id: "window-size", "aria-label": "window length" }, [1, 3, 6, 12, 24].map((n) => h("option", { value: n, selected: n === windowMonths }, `${n} month${n > 1 ? "s" : ""}`))) as HTMLSelectElement;
  win.addEventListener("change", () => setQuery({ end, window: win.value }, true));
  root.appendChild(h("div", { class: "timebar" }, h("label", null, "Window ", win), h("label", { class: "slider" }, "Ending ", slider), label));
  root.appendChild(h("p", { class: "legend" }, h("span", { class: "coop" }, "━ cooperative"), " ", h("span", { class: "confl" }, "━ conflictual"), " ", h("span", { class: "neutral" }, "━ mixed/neutral"),
    ` · ${net.nodes.length} actors, ${net.edges.length} ties · `, link(`/events?date_from=${start}-01&date_to=${lastDay(end)}`, "events in this window")));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", id: "network-svg", role: "img", "aria-label": "actor network" });
  if (!net.nodes.length) {
    root.appendChild(h("p", { class: "muted", id: "network-empty" }, "No ties in this window."));
    return;
  }
  layout(net.nodes, net.edges);
  const maxW = Math.max(1, ...net.edges.map((e: any) => e.weight));
  for (const e of net.edges) {
    const a = positions.get(e.source)!;
    const b = positions.get(e.target)!;
    const tone = e.net > 0 ? "coop" : e.net < 0 ? "confl" : "neutral";
    const line = s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge ${tone}`, "stroke-width": 1 + (5 * e.weight) / maxW });
    line.appendChild(s("title", null, `${e.source}–${e.target}: ${e.cooperative} cooperative, ${e.conflictual} conflictual, ${e.neutral} neutral`));
    line.addEventListener("click", () => navigate(`/events?actor=${encodeURIComponent(e.source)}&date_from=${start}-01&date_to=${lastDay(end)}`));
    svg.appendChild(line);
  }
  const maxN = Math.max(1, ...net.nodes.map((n: any) => n.weight));
  for (const n of net.nodes) {
    const p = positions.get(n.id)!;
    const g = s("g", { class: "node", "data-id": n.id, transform: `translate(${p.x},${p.y})`, tabindex: 0 });
    g.appendChild(s("circle", { r: 5 + (12 * n.weight) / maxN }));
    g.appendChild(s("text", { x: 0, y: -10 - (12 * n.weight) / maxN, "text-anchor": "middle" }, n.label && n.label !== n.id ? `${n.label}` : n.id));
    g.appendChild(s("title", null, `${n.label} (${n.id}): ${n.weight} events`));
    g.addEventListener("click", () => navigate(`/actors/${encodeURIComponent(n.id)}`));
    svg.appendChild(g);
  }
  root.appendChild(svg);
}
