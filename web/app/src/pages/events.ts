import { get, qs } from "../api";
import { h, link } from "../dom";
import { facets } from "../main";
import { filterForm, pager, paramsOf } from "./filters";

const NAMES = ["date_from", "date_to", "type", "status", "actor", "source", "target", "outlet", "min_confidence"];

export function eventsTable(items: any[]): HTMLElement {
  const table = h("table", { class: "events", id: "events-table" },
    h("thead", null, h("tr", null, ["date", "type", "source", "target", "status", "sentence", "outlet"].map((c) => h("th", null, c)))));
  const body = h("tbody");
  const actor = (c: string | null) => (c ? link(`/actors/${encodeURIComponent(c)}`, c) : "?");
  for (const e of items) {
    body.appendChild(h("tr", null, h("td", null, e.date || ""), h("td", null, e.type), h("td", null, actor(e.source_code)), h("td", null, actor(e.target_code)),
      h("td", null, h("span", { class: `status st-${e.status}` }, e.status)),
      h("td", { class: "sentence" }, link(`/articles/${encodeURIComponent(e.article_id)}#ann-e${e.idx}`, e.sentence || "(sentence)")), h("td", null, e.outlet || "")));
  }
  table.appendChild(body);
  return table;
}

export async function eventsPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const limit = 50;
  const offset = Number(params.get("offset") || 0);
  const filters = paramsOf(params, NAMES);
  const [fc, res] = await Promise.all([facets(), get("/events", { ...filters, limit, offset })]);
  root.appendChild(h("h1", null, "Events"));
  const csv = h("a", { href: `/api/events.csv${qs(filters)}`, class: "button", id: "csv-export", download: "events.csv" }, "Export CSV");
  root.appendChild(
    filterForm(
      [
        { name: "date_from", label: "From", type: "date" },
        { name: "date_to", label: "To", type: "date" },
        { name: "type", label: "Type", type: "select", options: fc.event_types },
        { name: "status", label: "Status", type: "select", options: fc.statuses },
        { name: "actor", label: "Actor (either side)", placeholder: "code" },
        { name: "source", label: "Source", placeholder: "code" },
        { name: "target", label: "Target", placeholder: "code" },
        { name: "outlet", label: "Outlet", type: "select", options: fc.outlets },
        { name: "min_confidence", label: "Min. confidence", placeholder: "0–1" },
      ],
      params,
      csv,
    ),
  );
  root.appendChild(pager(res.total, limit, offset));
  root.appendChild(eventsTable(res.items));
}
