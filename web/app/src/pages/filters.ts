// A filter form whose values live in the URL query string.
import { setQuery } from "../main";
import { h } from "../dom";

export interface Field {
  name: string;
  label: string;
  type?: "text" | "date" | "select";
  options?: string[];
  placeholder?: string;
}

export function filterForm(fields: Field[], params: URLSearchParams, extra: Node | null = null): HTMLElement {
  const form = h("form", { class: "filters", id: "filters" }) as HTMLFormElement;
  for (const f of fields) {
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.type === "select") {
      input = h("select", { name: f.name }, h("option", { value: "" }, "any"), (f.options || []).map((o) => h("option", { value: o }, o))) as HTMLSelectElement;
    } else {
      input = h("input", { name: f.name, type: f.type === "date" ? "date" : "text", placeholder: f.placeholder || "" }) as HTMLInputElement;
    }
    input.value = params.get(f.name) || "";
    form.appendChild(h("label", null, h("span", null, f.label), input));
  }
  form.appendChild(h("div", { class: "actions" }, h("button", { type: "submit" }, "Apply"), h("button", { type: "reset" }, "Clear"), extra));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string | null> = { offset: null };
    for (const f of fields) values[f.name] = String(data.get(f.name) || "").trim() || null;
    setQuery(values);
  });
  form.addEventListener("reset", (ev) => {
    ev.preventDefault();
    const values: Record<string, null> = { offset: null };
    for (const f of fields) values[f.name] = null;
    setQuery(values);
  });
  return form;
}

export function pager(total: number, limit: number, offset: number): HTMLElement {
  const prev = h("button", { type: "button", disabled: offset <= 0, onclick: () => setQuery({ offset: String(Math.max(0, offset - limit)) }) }, "← Previous");
  const next = h("button", { type: "button", disabled: offset + limit >= total, onclick: () => setQuery({ offset: String(offset + limit) }) }, "Next →");
  const shown = total ? `${offset + 1}–${Math.min(total, offset + limit)} of ${total.toLocaleString("en")}` : "no results";
  return h("div", { class: "pager" }, prev, h("span", { class: "count" }, shown), next);
}

export function paramsOf(params: URLSearchParams, names: string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const n of names) out[n] = params.get(n);
  return out;
}
