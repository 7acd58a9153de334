import type { FastifyRequest } from "fastify";

/** The JSON API's addresses: the only ones an API key opens. */
export function isApiPath(url: string): boolean {
  return url.startsWith("/api/");
}

export function wantsJson(request: FastifyRequest): boolean {
  if (isApiPath(request.url)) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}
