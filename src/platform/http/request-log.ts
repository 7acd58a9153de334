import type { FastifyRequest } from "fastify";

/**
 * What the request log says about a request. The address people asked for is not written as it
 * came: links in e-mails carry secrets (`/reset-password?token=…`, `/verify-email?token=…`), paths
 * carry codes (`/verify/<permit code>`) and queries carry personal data (an officer searching the
 * queue by e-mail, passport number or birth date; `?next=` holding any of these). So the log names
 * the route's pattern (`/verify/:code`) and the query's keys, with the values of a few harmless keys
 * and every other value replaced.
 */

const redacted = "[redacted]";

/** Query keys whose values tell operators something and can never be personal data or a secret. */
const loggedQueryValues: Record<string, RegExp> = {
  lang: /^[a-z]{2}$/,
  page: /^\d{1,6}$/,
  sort: /^[a-zA-Z_.-]{1,40}$/,
  order: /^(asc|desc)$/,
  format: /^[a-zA-Z0-9_.-]{1,40}$/,
};

/** A request without a matching route (a 404) is logged without its path, which may hold anything. */
const unmatchedRoute = "(no route)";

/** The query string with its keys kept and, outside the allow-list, its values replaced. */
export function redactedQuery(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return "";
  const query = url.slice(start + 1).split("#")[0] ?? "";
  if (query === "") return "";
  const parts: string[] = [];
  for (const [key, value] of new URLSearchParams(query)) {
    const allowed = loggedQueryValues[key];
    const shownKey = encodeURIComponent(key.slice(0, 40));
    parts.push(`${shownKey}=${allowed?.test(value) ? value : redacted}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** The address to log: the route's pattern and the redacted query. */
export function loggedUrl(request: Pick<FastifyRequest, "url" | "routeOptions">): string {
  const pattern = request.routeOptions?.url;
  return `${pattern ?? unmatchedRoute}${redactedQuery(request.url)}`;
}

/** Fastify's `req` serializer with the address logged as `loggedUrl` says. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggedUrl(request),
    host: request.host,
    remoteAddress: request.ip,
  };
}
