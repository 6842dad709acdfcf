import { get } from "../api";
import { colorFor, stacked } from "../charts";
import { h, link, pct } from "../dom";

const SOURCE_COLORS: Record<string, string> = {
  named_person: "#2e8b57", organization: "#4363d8", media_outlet: "#f58231", document: "#911eb4", anonymous: "#c82828", unattributed: "#999",
};

export async function outletsPage(root: HTMLElement): Promise<void> {
  const rows = await get("/outlets");
  root.appendChild(h("h1", null, "Outlets"));
  if (rows.length && rows[0].republication_status === "computing")
    root.appendChild(h("p", { class: "muted", id: "computing" }, "Republication families are still being computed; the republished counts will fill in on reload."));
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
  if (res.status === "computing") root.appendChild(h("p", { class: "muted" }, "Still computing the families of the latest articles; reload in a moment."));
  if (!res.families.length) {
    root.appendChild(h("p", { class: "muted" }, "No republished articles found (or the republication stage is not available)."));
    return;
  }
  root.appendChild(h("p", { class: "muted" }, `${res.families.length} families, ${res.families.reduce((n: number, f: any) => n + f.republished.length, 0)} copies.`));
  const list = h("ol", { class: "families", id: "families" });
  for (const f of res.families) {
    const details = new Map<string, any>((f.member_details || []).map((m: any) => [String(m.id), m]));
    list.appendChild(h("li", null,
      h("div", null, "Origin: ", f.original ? link(`/articles/${encodeURIComponent(f.original)}`, String(f.original)) : "?",
        ` · ${[f.origin_outlet, f.origin_published].filter(Boolean).join(", ")}`, f.similarity != null ? ` · similarity ${f.similarity}` : ""),
      h("ul", null, f.republished.map((id: string) => {
        const d = details.get(id);
        return h("li", null, link(`/articles/${encodeURIComponent(id)}`, id), d ? ` · ${[d.outlet, d.published].filter(Boolean).join(", ")}${d.containment != null ? ` · contained ${d.containment}` : ""}` : "");
      }))));
  }
  root.appendChild(list);
}
