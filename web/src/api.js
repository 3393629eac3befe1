// The warta HTTP API (same origin): GET requests that return JSON, errors as exceptions
// carrying the server's message.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function getJson(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && String(v).trim() !== "") q.set(k, String(v).trim());
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, "bad_response", `${url}: HTTP ${res.status}, not JSON`);
  }
  if (!res.ok) {
    const e = body && body.error ? body.error : {};
    throw new ApiError(res.status, e.code || "error", e.message || `HTTP ${res.status}`);
  }
  return body;
}

export const api = {
  health: () => getJson("/healthz"),
  events: (filters) => getJson("/v1/events", { ...filters, mentions: "false" }),
  event: (id) => getJson(`/v1/events/${encodeURIComponent(id)}`),
  dyad: (a, b, by) => getJson(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { by }),
  dyadEvents: (a, b) =>
    getJson(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/events`, {
      limit: 1000,
      mentions: "false",
    }),
};
