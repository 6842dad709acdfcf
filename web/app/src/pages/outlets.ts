import { get } from "../api";
import { colorFor, stacked } from "../charts";
import { h, link, pct } from "../dom";

const SOURCE_COLORS: Record<string, string> = {
  named_person: "#2e8b57", organization: "#4363d8", media_outlet: "#f58231", document: "#911eb4", anonymous: "#c82828", unattributed: "#999",
};

export async function outletsPage(root: HTMLElement): Promise<void> {
  const rows = await get("/outlets");
  root.appendChild(h("h1", null, "Outlets"));
  root.appendChild(h("p", { class: "legend" }, "Sourcing: ", Object.entries(SOURCE_COLORS).map(([k, c]) => {
    const sw = h("span", { class: "swatch" });
    sw.style.background = c;
    return h("span", { class: "legend-item" }, sw, ` ${k} `);
  })));
  const table = h("table", { class: "outlets", id: "outlets-table" }, h("thead", null, h("tr", null, ["outlet", "articles", "sourcing mix", "technique mix", "republished"].map((c) => h("th", null, c)))));
  const body = h("tbody");
  for (const o of rows) {
    body.appendChild(h("tr", null,
      h("td", null, o.outlet === "(unknown)" ? o.outlet : link(`/articles?outlet=${encodeURIComponent(o.outlet)}`, o.outlet)),
      h("td", { class: "num" }, String(o.articles)),
      h("td", null, stacked(Object.entries(o.sourcing).map(([k, v]) => ({ label: k, value: v as number, color: SOURCE_COLORS[k] || "#777" }))), h("small", null, `${o.claims} claims`)),
      h("td", null, stacked(Object.entries(o.techniques).map(([k, v]) => ({ label: k, value: v as number, color: colorFor(k) }))), h("small", null, `${o.technique_spans} spans`)),
      h("td", { class: "num" }, `${o.republished} (${pct(o.republished_share)})`)));
  }
  table.appendChild(body);
  root.appendChild(table);
}

export async function republicationPage(root: HTMLElement): Promise<void> {
  const res = await get("/republication");
  root.appendChild(h("h1", null, "Republication families"));
  if (!res.families.length) {
    root.appendChild(h("p", { class: "muted" }, "No republished articles found (or the republication stage is not available)."));
    return;
  }
  const list = h("ol", { class: "families" });
  for (const f of res.families) {
    list.appendChild(h("li", null, `${f.members.length} articles; first: `, f.original ? link(`/articles/${encodeURIComponent(f.original)}`, String(f.original)) : "?",
      h("ul", null, f.republished.map((id: string) => h("li", null, link(`/articles/${encodeURIComponent(id)}`, id))))));
  }
  root.appendChild(list);
}
