import { get } from "../api";
import { h, link } from "../dom";
import { facets } from "../main";
import { filterForm, pager, paramsOf } from "./filters";

const NAMES = ["q", "date_from", "date_to", "outlet", "actor", "event_type", "status", "technique"];

export async function articlesPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const limit = 25;
  const offset = Number(params.get("offset") || 0);
  const [fc, res] = await Promise.all([facets(), get("/articles", { ...paramsOf(params, NAMES), limit, offset })]);
  root.appendChild(h("h1", null, "Articles"));
  root.appendChild(
    filterForm(
      [
        { name: "q", label: "Words", placeholder: "free text" },
        { name: "date_from", label: "From", type: "date" },
        { name: "date_to", label: "To", type: "date" },
        { name: "outlet", label: "Outlet", type: "select", options: fc.outlets },
        { name: "actor", label: "Actor code", placeholder: "e.g. USA" },
        { name: "event_type", label: "Event type", type: "select", options: fc.event_types },
        { name: "status", label: "Event status", type: "select", options: fc.statuses },
        { name: "technique", label: "Technique", type: "select", options: fc.techniques },
      ],
      params,
    ),
  );
  root.appendChild(pager(res.total, limit, offset));
  const list = h("ol", { class: "results", id: "results", start: offset + 1 });
  for (const a of res.items) {
    list.appendChild(
      h("li", { class: "result" },
        h("div", { class: "title" }, link(`/articles/${encodeURIComponent(a.id)}`, a.title || a.source || a.id)),
        h("div", { class: "meta" }, [a.published, a.outlet].filter(Boolean).join(" · "),
          h("span", { class: "counts" }, ` ${a.n_events} events · ${a.n_claims} claims · ${a.n_techniques} techniques`)),
        h("div", { class: "snippet" }, a.snippet + (a.snippet && a.snippet.length >= 240 ? "…" : ""))),
    );
  }
  root.appendChild(list);
  if (!res.items.length) root.appendChild(h("p", { class: "muted", id: "no-results" }, "No article matches these filters."));
}
