// The REST API client. Same origin, so the token cookie (when one is set) goes along.

export class ApiError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

export type Params = Record<string, string | number | null | undefined>;

export function qs(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") u.set(k, String(v));
  }
  const t = u.toString();
  return t ? `?${t}` : "";
}

export async function get<T = any>(path: string, params: Params = {}): Promise<T> {
  const r = await fetch(`/api${path}${qs(params)}`, { headers: { accept: "application/json" } });
  if (!r.ok) throw new ApiError(r.status, await detail(r));
  return (await r.json()) as T;
}

export async function post<T = any>(path: string, body: unknown): Promise<T> {
  const r = await fetch(`/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new ApiError(r.status, await detail(r));
  return (await r.json()) as T;
}

async function detail(r: Response): Promise<string> {
  try {
    const j = await r.json();
    if (typeof j.detail === "string") return j.detail;
    if (Array.isArray(j.detail)) return j.detail.map((d: any) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
    return JSON.stringify(j);
  } catch {
    return `${r.status} ${r.statusText}`;
  }
}
