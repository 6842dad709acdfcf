import { get } from "../api";
import { h, link } from "../dom";
import { eventsTable } from "./events";

export async function actorPage(root: HTMLElement, _p: URLSearchParams, [code]: string[]): Promise<void> {
  const a = await get(`/actors/${encodeURIComponent(code)}`);
  root.appendChild(h("h1", { id: "actor-name" }, `${a.name} `, h("span", { class: "code" }, a.code)));
  root.appendChild(h("p", { class: "meta" }, `${a.kind}${a.country ? ` · ${a.country}` : ""}${a.sector ? ` · ${a.sector}` : ""} · mentioned in `,
    link(`/articles?actor=${encodeURIComponent(a.code)}`, `${a.articles} articles`), " · ", link(`/events?actor=${encodeURIComponent(a.code)}`, "all its events"),
    " · ", link(`/events.csv?actor=${encodeURIComponent(a.code)}`, "CSV")));
  if (a.names.length > 1) root.appendChild(h("p", { class: "muted" }, "Also named: ", a.names.slice(1).map((n: any) => n.name).join(", ")));

  // Relations over time: one row per counterpart, one cell per month (green cooperative, red conflictual).
  const months = [...new Set(a.relations.flatMap((r: any) => Object.keys(r.months)))].sort() as string[];
  const rel = h("section", { id: "relations" }, h("h2", null, "Relations over time"));
  if (!a.relations.length) rel.appendChild(h("p", { class: "muted" }, "No events with other actors."));
  else {
    const table = h("table", { class: "relations" }, h("thead", null, h("tr", null, h("th", null, "with"), h("th", null, "coop."), h("th", null, "confl."), h("th", null, `months ${months[0] || ""} – ${months[months.length - 1] || ""}`))));
    const body = h("tbody");
    for (const r of a.relations.slice(0, 20)) {
      const strip = h("div", { class: "strip" });
      for (const m of months) {
        const cell = r.months[m];
        const c = h("span", { class: "cell" });
        if (cell) {
          const tot = cell.cooperative + cell.conflictual + cell.neutral;
          const net = (cell.cooperative - cell.conflictual) / (tot || 1);
          c.style.background = net > 0 ? `rgba(46,139,87,${0.25 + 0.75 * net})` : net < 0 ? `rgba(200,40,40,${0.25 - 0.75 * net})` : "#bbb";
          c.title = `${m}: ${cell.cooperative} cooperative, ${cell.conflictual} conflictual, ${cell.neutral} neutral`;
        }
        strip.appendChild(c);
      }
      body.appendChild(h("tr", null, h("td", null, r.actor === "(unknown)" ? r.actor : link(`/actors/${encodeURIComponent(r.actor)}`, r.actor)), h("td", { class: "num coop" }, String(r.cooperative)), h("td", { class: "num confl" }, String(r.conflictual)), h("td", null, strip)));
    }
    table.appendChild(body);
    rel.appendChild(table);
  }
  root.appendChild(rel);

  root.appendChild(h("section", { id: "speakers" }, h("h2", null, "Who speaks for it"),
    a.speakers.length ? h("ul", null, a.speakers.map((s: any) => h("li", null, h("strong", null, s.source_text || "?"), ` (${s.source_kind || "?"}) · ${s.n} claims`))) : h("p", { class: "muted" }, "No attributed claims.")));
  root.appendChild(h("section", { id: "actor-events" }, h("h2", null, `Events (${a.events.total})`), eventsTable(a.events.items)));
}
