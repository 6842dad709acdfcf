import { get } from "../api";
import { barList, colorFor, columnChart } from "../charts";
import { fmt, h, link } from "../dom";

export async function dashboardPage(root: HTMLElement): Promise<void> {
  const st = await get("/stats");
  root.appendChild(h("h1", null, "Corpus"));
  const card = (label: string, value: number, href?: string) =>
    h("div", { class: "card" }, h("div", { class: "num" }, fmt(value)), h("div", { class: "label" }, href ? link(href, label) : label));
  root.appendChild(
    h("div", { class: "cards", id: "totals" },
      card("articles", st.articles, "/articles"), card("events", st.events, "/events"),
      card("claims", st.claims), card("technique spans", st.techniques), card("outlets", st.outlets, "/outlets")),
  );
  if (st.date_range?.first) root.appendChild(h("p", { class: "muted" }, `Published ${st.date_range.first} to ${st.date_range.last}`));
  root.appendChild(
    h("section", { id: "over-time" }, h("h2", null, "Articles over time"),
      st.per_month.length ? columnChart(st.per_month.map((m: any) => ({ label: m.month, value: m.n })), { title: "articles per month" }) : h("p", { class: "muted" }, "No dated articles yet.")),
  );
  const grid = h("div", { class: "grid3" });
  grid.appendChild(h("section", { id: "top-actors" }, h("h2", null, "Top actors"),
    barList(st.top_actors.map((a: any) => ({ label: `${a.name} (${a.code})`, value: a.articles, href: `/actors/${encodeURIComponent(a.code)}` })), (l, href) => link(href!, l))));
  grid.appendChild(h("section", { id: "top-techniques" }, h("h2", null, "Top techniques"),
    barList(st.top_techniques.map((t: any) => ({ label: t.technique, value: t.n, href: `/articles?technique=${encodeURIComponent(t.technique)}`, color: colorFor(t.technique) })), (l, href) => link(href!, l))));
  grid.appendChild(h("section", { id: "top-events" }, h("h2", null, "Event types"),
    barList(st.top_event_types.map((t: any) => ({ label: t.type, value: t.n, href: `/events?type=${encodeURIComponent(t.type)}` })), (l, href) => link(href!, l))));
  root.appendChild(grid);
  if (!st.articles) root.appendChild(h("p", null, "The store is empty: ", link("/add", "add an article"), " or run ", h("code", null, "allegiance analyze"), "."));
}
