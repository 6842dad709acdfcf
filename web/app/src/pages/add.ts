import { ApiError, get, post } from "../api";
import { h, link } from "../dom";

export async function addPage(root: HTMLElement): Promise<void> {
  root.appendChild(h("h1", null, "Add an article"));
  const kind = h("select", { name: "kind", id: "add-kind" }, h("option", { value: "text" }, "Plain text"), h("option", { value: "html" }, "HTML"), h("option", { value: "url" }, "URL (public address)")) as HTMLSelectElement;
  const body = h("textarea", { name: "body", id: "add-body", rows: 12, placeholder: "Paste the article text, the HTML page, or a URL" }) as HTMLTextAreaElement;
  const title = h("input", { name: "title", placeholder: "title (optional)" }) as HTMLInputElement;
  const outlet = h("input", { name: "outlet", placeholder: "outlet (optional)" }) as HTMLInputElement;
  const published = h("input", { name: "published", type: "date" }) as HTMLInputElement;
  const status = h("div", { id: "add-status", class: "jobs" });
  const form = h("form", { class: "add", id: "add-form" },
    h("label", null, "Kind ", kind), body, h("div", { class: "row" }, title, outlet, published), h("button", { type: "submit" }, "Analyse"));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const payload: Record<string, string> = { [kind.value]: body.value };
    if (title.value) payload.title = title.value;
    if (outlet.value) payload.outlet = outlet.value;
    if (published.value) payload.published = published.value;
    try {
      const job = await post("/articles", payload);
      body.value = "";
      void follow(job.id, status);
    } catch (err) {
      status.prepend(h("p", { class: "error" }, (err as ApiError).message));
    }
  });
  root.appendChild(form);
  root.appendChild(h("h2", null, "Recent jobs"));
  root.appendChild(status);
  for (const job of await get("/jobs", { limit: 20 })) status.appendChild(jobLine(job));
}

function jobLine(job: any): HTMLElement {
  const bar = h("progress", { max: 1, value: job.progress });
  return h("div", { class: `job job-${job.status}`, "data-job": job.id }, h("span", { class: "label" }, job.label), bar,
    h("span", { class: "state" }, job.status + (job.stage ? ` (${job.stage})` : "") + (job.error ? `: ${job.error}` : "") + (job.already_stored ? " (already stored)" : "")),
    job.article_id && job.status === "done" ? link(`/articles/${encodeURIComponent(job.article_id)}`, "open") : null);
}

async function follow(id: string, box: HTMLElement): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const job = await get(`/jobs/${encodeURIComponent(id)}`);
    const line = jobLine(job);
    const old = box.querySelector(`[data-job="${CSS.escape(id)}"]`);
    if (old) old.replaceWith(line);
    else box.prepend(line);
    if (job.status === "done" || job.status === "failed") return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
