import type { FastifyRequest } from "fastify";
import type { AccessModule } from "../module.js";
import { requestOrigin } from "../request-context.js";
import type { AuditorContext } from "./auditor-context.js";

// What the auditor pages (/audit) and the audit records API share.

/** Route options of an auditor page: hidden from the API reference, and audit.read required. */
export function auditorPage(access: AccessModule) {
  return { schema: { hide: true }, preHandler: access.guards.requirePermission("audit.read") };
}

export function auditorContextFrom(request: FastifyRequest, access: AccessModule): AuditorContext {
  return {
    db: access.db,
    principal: request.principal,
    auditKey: access.config.auditKey,
    anchors: { file: access.config.auditAnchorFile },
    ...requestOrigin(request),
  };
}

export function subNavigation(request: FastifyRequest, current: "search" | "chain") {
  return [
    { text: request.t("audit.search.navigation"), href: "/audit", active: current === "search" },
    { text: request.t("audit.chain.navigation"), href: "/audit/chain", active: current === "chain" },
  ];
}

/** The filter fields, in the order the form and the links carry them. */
const filterNames = ["from", "to", "actor", "action", "outcome", "entityType", "entityId", "agency"] as const;

/** What was typed into the filters, kept as typed so that the form shows it back. */
export function typedFilters(query: unknown): Record<string, string> {
  const source = (query ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of filterNames) {
    const value = source[name];
    if (typeof value === "string" && value.trim() !== "") values[name] = value.trim();
  }
  return values;
}

export function searchHref(
  path: string,
  filters: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ ...filters, ...extra }).toString();
  return query ? `${path}?${query}` : path;
}
