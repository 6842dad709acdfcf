// The Allegiance web interface: a small router over the REST API.
// Every filter lives in the page URL (query string), so a view can be bookmarked and shared.
import "./style.css";
import { get } from "./api";
import { clear, h, link } from "./dom";
import { addPage } from "./pages/add";
import { articlePage } from "./pages/article";
import { articlesPage } from "./pages/articles";
import { actorPage } from "./pages/actor";
import { dashboardPage } from "./pages/dashboard";
import { eventsPage } from "./pages/events";
import { networkPage } from "./pages/network";
import { outletsPage, republicationPage } from "./pages/outlets";

export type Page = (root: HTMLElement, params: URLSearchParams, match: string[]) => Promise<void> | void;

const routes: [RegExp, Page][] = [
  [/^\/$/, dashboardPage],
  [/^\/articles\/?$/, articlesPage],
  [/^\/articles\/([^/]+)$/, articlePage],
  [/^\/actors\/([^/]+)$/, actorPage],
  [/^\/events\/?$/, eventsPage],
  [/^\/network\/?$/, networkPage],
  [/^\/outlets\/?$/, outletsPage],
  [/^\/republication\/?$/, republicationPage],
  [/^\/add\/?$/, addPage],
];

let facetsCache: Promise<Facets> | null = null;
export interface Facets {
  outlets: string[];
  event_types: string[];
  statuses: string[];
  techniques: string[];
}
export function facets(): Promise<Facets> {
  if (!facetsCache) facetsCache = get<Facets>("/facets");
  return facetsCache;
}

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  void render();
}

/** Change the query string of the current page without adding a history entry per keystroke. */
export function setQuery(params: Record<string, string | null | undefined>, replace = false): void {
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "") u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  navigate(u.pathname + u.search + u.hash, replace);
}

let renderSeq = 0;
export async function render(): Promise<void> {
  const seq = ++renderSeq;
  // Readiness names the view now shown: a re-render of the same path (new filters) is not
  // ready until its data has arrived.
  delete document.body.dataset.ready;
  const root = document.getElementById("app")!;
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  for (const a of document.querySelectorAll("header nav a")) {
    const href = a.getAttribute("href") || "";
    a.classList.toggle("active", href === "/" ? path === "/" : path.startsWith(href));
  }
  (document.getElementById("search-q") as HTMLInputElement).value = path.startsWith("/articles") && !/^\/articles\/./.test(path) ? params.get("q") || "" : "";
  for (const [re, page] of routes) {
    const m = path.match(re);
    if (m) {
      const view = h("div", { class: "view" });
      try {
        await page(view, params, m.slice(1).map(decodeURIComponent));
      } catch (err) {
        clear(view);
        view.appendChild(h("p", { class: "error" }, `Could not load this page: ${(err as Error).message}`));
      }
      if (seq !== renderSeq) return; // a newer navigation won
      clear(root);
      root.appendChild(view);
      document.body.dataset.ready = path;
      window.dispatchEvent(new CustomEvent("allegiance:rendered"));
      return;
    }
  }
  clear(root);
  root.appendChild(h("div", { class: "view" }, h("h1", null, "Not found"), h("p", null, link("/", "Back to the dashboard"))));
  document.body.dataset.ready = path;
}

document.addEventListener("click", (ev) => {
  const a = (ev.target as Element).closest("a[data-link]") as HTMLAnchorElement | null;
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

document.getElementById("search")!.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = (document.getElementById("search-q") as HTMLInputElement).value.trim();
  navigate(`/articles${q ? `?q=${encodeURIComponent(q)}` : ""}`);
});

window.addEventListener("popstate", () => void render());
void render();
