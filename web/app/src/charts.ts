// Small SVG charts drawn by hand: no chart library, works offline.
import { h, s } from "./dom";

export function columnChart(data: { label: string; value: number }[], opts: { height?: number; title?: string } = {}): HTMLElement {
  const height = opts.height ?? 160;
  const width = Math.max(320, data.length * 18);
  const max = Math.max(1, ...data.map((d) => d.value));
  const bw = width / Math.max(1, data.length);
  const svg = s("svg", { viewBox: `0 0 ${width} ${height + 24}`, class: "chart", role: "img", "aria-label": opts.title ?? "chart" });
  data.forEach((d, i) => {
    const bh = (d.value / max) * height;
    const rect = s("rect", { x: i * bw + 1, y: height - bh, width: Math.max(1, bw - 2), height: bh, class: "bar" });
    rect.appendChild(s("title", null, `${d.label}: ${d.value}`));
    svg.appendChild(rect);
    if (data.length <= 40 && (i % Math.ceil(data.length / 12) === 0)) {
      svg.appendChild(s("text", { x: i * bw + bw / 2, y: height + 16, "text-anchor": "middle", class: "axis" }, d.label));
    }
  });
  return h("figure", { class: "figure" }, opts.title ? h("figcaption", null, opts.title) : null, svg);
}

export function barList(
  data: { label: string; value: number; href?: string; color?: string }[],
  mk: (label: string, href?: string) => Node,
): HTMLElement {
  const max = Math.max(1, ...data.map((d) => d.value));
  return h(
    "ul",
    { class: "barlist" },
    data.map((d) => {
      const bar = h("span", { class: "barfill" });
      bar.style.width = `${(d.value / max) * 100}%`;
      if (d.color) bar.style.background = d.color;
      return h("li", null, h("span", { class: "barlabel" }, mk(d.label, d.href)), h("span", { class: "bartrack" }, bar), h("span", { class: "barvalue" }, String(d.value)));
    }),
  );
}

export function stacked(parts: { label: string; value: number; color: string }[]): HTMLElement {
  const total = parts.reduce((a, p) => a + p.value, 0) || 1;
  const wrap = h("div", { class: "stacked", title: parts.map((p) => `${p.label}: ${p.value}`).join(", ") });
  for (const p of parts) {
    if (!p.value) continue;
    const seg = h("span", { class: "seg" });
    seg.style.width = `${(p.value / total) * 100}%`;
    seg.style.background = p.color;
    seg.title = `${p.label}: ${p.value}`;
    wrap.appendChild(seg);
  }
  return wrap;
}

const PALETTE = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000", "#000075", "#bfef45", "#fabed4", "#dcbeff"];
const assigned = new Map<string, string>();

export function colorFor(key: string): string {
  let c = assigned.get(key);
  if (!c) {
    let hash = 0;
    for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    c = PALETTE[hash % PALETTE.length];
    assigned.set(key, c);
  }
  return c;
}
