// One article: its text with every annotation highlighted, and panels listing them.
// Each panel entry jumps to its place in the text; each highlight jumps back to its entry.
import { get } from "../api";
import { colorFor } from "../charts";
import { h, link } from "../dom";

interface Ann {
  id: string;
  kind: "technique" | "claim" | "source" | "cue" | "event" | "participant" | "actor";
  start: number;
  end: number;
  color?: string;
  title: string;
}

const LAYERS: [string, string][] = [
  ["technique", "Techniques"],
  ["claim", "Claims"],
  ["event", "Events"],
  ["actor", "Actor mentions"],
];

function layerOf(kind: Ann["kind"]): string {
  if (kind === "source" || kind === "cue") return "claim";
  if (kind === "participant") return "event";
  return kind;
}

export function collect(doc: any): Ann[] {
  const anns: Ann[] = [];
  const n = doc.text.length;
  const ok = (s: any) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= n && s.start < s.end;
  doc.techniques.forEach((t: any, i: number) => {
    if (ok(t)) anns.push({ id: `t${i}`, kind: "technique", start: t.start, end: t.end, color: colorFor(t.technique), title: `${t.technique} (${t.score})` });
  });
  doc.attributions.forEach((a: any, i: number) => {
    const who = a.source ? a.source.text : "unattributed";
    if (ok(a.content)) anns.push({ id: `c${i}`, kind: "claim", start: a.content.start, end: a.content.end, title: `claim by ${who}` });
    if (a.source && ok(a.source)) anns.push({ id: `c${i}`, kind: "source", start: a.source.start, end: a.source.end, title: `source (${a.source.kind})` });
    if (ok(a.cue)) anns.push({ id: `c${i}`, kind: "cue", start: a.cue.start, end: a.cue.end, title: "cue" });
  });
  doc.events.forEach((e: any, i: number) => {
    const span = ok(e.trigger) ? e.trigger : e.sentence;
    const title = `${e.type} (${e.status}): ${e.source?.code || "?"} → ${e.target?.code || "?"}`;
    if (ok(span)) anns.push({ id: `e${i}`, kind: "event", start: span.start, end: span.end, title });
    for (const side of [e.source, e.target]) if (side && ok(side)) anns.push({ id: `e${i}`, kind: "participant", start: side.start, end: side.end, title });
  });
  doc.actors.forEach((a: any, i: number) => {
    a.mentions.forEach((m: any) => {
      if (ok(m)) anns.push({ id: `a${i}`, kind: "actor", start: m.start, end: m.end, title: `${a.name}${a.code ? ` (${a.code})` : ""}` });
    });
  });
  return anns;
}

/** The text split at every annotation boundary; each piece knows the annotations over it. */
export function renderText(text: string, anns: Ann[]): HTMLElement {
  const cuts = new Set<number>([0, text.length]);
  for (const a of anns) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  const byStart = [...anns].sort((x, y) => x.start - y.start);
  const body = h("div", { class: "article-text", id: "article-text" });
  const anchored = new Set<string>();
  let active: Ann[] = [];
  let k = 0;
  for (let b = 0; b < bounds.length - 1; b++) {
    const from = bounds[b];
    const to = bounds[b + 1];
    while (k < byStart.length && byStart[k].start <= from) active.push(byStart[k++]);
    active = active.filter((a) => a.end > from);
    const piece = text.slice(from, to);
    if (!active.length) {
      body.appendChild(document.createTextNode(piece));
      continue;
    }
    const el = h("mark", { class: [...new Set(active.map((a) => `hl-${a.kind}`))].join(" "), "data-ann": [...new Set(active.map((a) => a.id))].join(" "), title: active.map((a) => a.title).join("\n") });
    el.textContent = piece;
    const tech = active.find((a) => a.kind === "technique");
    if (tech?.color) el.style.setProperty("--tech", tech.color);
    for (const a of active) {
      if (!anchored.has(a.id) && a.start === from) {
        anchored.add(a.id);
        if (!el.id) el.id = `ann-${a.id}`;
        else el.appendChild(h("span", { id: `ann-${a.id}`, class: "anchor" }));
      }
    }
    body.appendChild(el);
  }
  return body;
}

function jump(id: string): void {
  const target = document.getElementById(`ann-${id}`);
  if (!target) return;
  const mark = target.tagName === "MARK" ? target : target.parentElement!;
  mark.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
  for (const el of document.querySelectorAll(".flash")) el.classList.remove("flash");
  for (const el of document.querySelectorAll(`mark[data-ann~="${CSS.escape(id)}"]`)) el.classList.add("flash");
  for (const el of document.querySelectorAll(`.entry[data-target="${CSS.escape(id)}"]`)) el.classList.add("flash");
  history.replaceState(null, "", `${location.pathname}${location.search}#ann-${id}`);
}

function entry(id: string, ...children: (Node | string | null)[]): HTMLElement {
  return h("li", null, h("button", { type: "button", class: "entry", "data-target": id, onclick: () => jump(id) }, ...children));
}

export async function articlePage(root: HTMLElement, _params: URLSearchParams, [id]: string[]): Promise<void> {
  const doc = await get(`/articles/${encodeURIComponent(id)}`);
  const text = doc.text as string;
  const quote = (s: any) => (s ? text.slice(s.start, s.end) : "");
  root.appendChild(h("h1", { id: "article-title" }, doc.title || doc.source || doc.id));
  const meta = [doc.published, doc.outlet, doc.author].filter(Boolean).join(" · ");
  root.appendChild(
    h("p", { class: "meta" }, meta, doc.url && /^https?:\/\//i.test(doc.url) ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
      doc.scores?.propaganda != null ? ` · propaganda score ${doc.scores.propaganda}` : null),
  );
  if (doc.family) {
    root.appendChild(h("p", { class: "family" }, `Republication family of ${doc.family.members.length} articles. `, link("/republication", "See families")));
  }
  const toggles = h("div", { class: "layers", id: "layers" }, "Show: ");
  for (const [layer, label] of LAYERS) {
    const box = h("input", { type: "checkbox", checked: true, "data-layer": layer }) as HTMLInputElement;
    box.addEventListener("change", () => root.classList.toggle(`hide-${layer}`, !box.checked));
    toggles.appendChild(h("label", { class: `toggle lg-${layer}` }, box, ` ${label}`));
  }
  root.appendChild(toggles);

  const anns = collect(doc);
  const textEl = renderText(text, anns);
  textEl.addEventListener("click", (ev) => {
    const mark = (ev.target as Element).closest("mark");
    if (!mark) return;
    const ids = (mark.getAttribute("data-ann") || "").split(" ");
    const button = ids.map((i) => document.querySelector(`.entry[data-target="${CSS.escape(i)}"]`)).find(Boolean) as HTMLElement | undefined;
    if (button) {
      button.scrollIntoView({ block: "nearest" });
      for (const el of document.querySelectorAll(".entry.flash")) el.classList.remove("flash");
      button.classList.add("flash");
    }
  });

  const panels = h("aside", { class: "panels", id: "panels" });
  const techniques = doc.techniques.map((t: any, i: number) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = colorFor(t.technique);
    return entry(`t${i}`, swatch, h("strong", null, t.technique), h("span", { class: "quote" }, quote(t)));
  });
  const claims = doc.attributions.map((a: any, i: number) =>
    entry(`c${i}`, h("strong", null, a.source ? `${a.source.text} (${a.source.kind}${a.source.code ? `, ${a.source.code}` : ""})` : "unattributed"),
      a.cue ? h("span", { class: "cue" }, ` ${a.cue.text}: `) : " ", h("span", { class: "quote" }, quote(a.content))));
  const events = doc.events.map((e: any, i: number) =>
    entry(`e${i}`, h("strong", null, `${e.type}`), ` ${e.source?.code || e.source?.text || "?"} → ${e.target?.code || e.target?.text || "?"} `, h("span", { class: `status st-${e.status}` }, e.status),
      e.attributed_to ? h("span", { class: "muted" }, ` according to ${e.attributed_to.text}`) : null, h("span", { class: "quote" }, quote(e.sentence))));
  const actors = doc.actors.map((a: any, i: number) =>
    h("li", null, h("button", { type: "button", class: "entry", "data-target": `a${i}`, onclick: () => jump(`a${i}`) }, h("strong", null, a.name), ` ${a.kind}${a.code ? ` · ${a.code}` : ""} · ${a.mentions.length}×`),
      a.code ? [" ", link(`/actors/${encodeURIComponent(a.code)}`, "actor page")] : null));
  const section = (id: string, title: string, items: HTMLElement[]) =>
    h("section", { class: "panel", id }, h("h2", null, `${title} (${items.length})`), items.length ? h("ul", null, items) : h("p", { class: "muted" }, "none"));
  panels.appendChild(section("panel-techniques", "Techniques", techniques));
  panels.appendChild(section("panel-claims", "Claims", claims));
  panels.appendChild(section("panel-events", "Events", events));
  panels.appendChild(section("panel-actors", "Actors", actors));
  if (doc.warnings?.length) panels.appendChild(h("section", { class: "panel" }, h("h2", null, "Warnings"), h("ul", null, doc.warnings.map((w: string) => h("li", null, w)))));

  root.appendChild(h("div", { class: "article-layout" }, textEl, panels));
  const hash = location.hash.replace(/^#ann-/, "");
  if (hash) window.addEventListener("allegiance:rendered", () => jump(hash), { once: true });
}
