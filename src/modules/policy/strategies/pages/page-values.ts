import type { FastifyReply, FastifyRequest } from "fastify";
import type { Queryable } from "../../../../platform/db/index.js";
import type { Locale } from "../../../../platform/http/index.js";
import { formatDate, formatMoney } from "../../../../platform/locale/index.js";
import { type AgencySummary, findAgenciesByIds, listActiveAgencies } from "../../../access/index.js";

/** Planning pages hold nothing personal, but drafts and agencies' reports are internal: never cached. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "private, no-store");
}

/** Query text, trimmed and bounded. */
export function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim().slice(0, 100) : "";
}

/** A legal date as the page shows it, or a dash. */
export function shownDate(request: FastifyRequest, date: string | null | undefined): string {
  return date ? formatDate(date, request.locale) : "—";
}

export function shownBudget(request: FastifyRequest, minor: number | null, currency: string | null): string {
  return minor === null ? "—" : formatMoney(minor, request.locale, { currency: currency ?? undefined });
}

export function agencyName(agency: AgencySummary | undefined, locale: Locale): string {
  return agency ? agency.names[locale] : "—";
}

/**
 * The agencies an action may be given to: every active agency, those administrators added included
 * (and any already named, so an action of a closed agency still shows it), by name.
 */
export async function agencyChoices(db: Queryable, locale: Locale, alsoIds: string[] = []) {
  const [active, named] = await Promise.all([listActiveAgencies(db), findAgenciesByIds(db, alsoIds)]);
  const byId = new Map<string, AgencySummary>();
  for (const agency of [...active, ...named]) byId.set(agency.id, agency);
  return [...byId.values()].sort((a, b) => a.names[locale].localeCompare(b.names[locale], locale));
}

/** The agencies named on a page, by id, in one query. */
export async function agenciesById(db: Queryable, ids: string[]): Promise<Map<string, AgencySummary>> {
  const agencies = await findAgenciesByIds(db, [...new Set(ids)]);
  return new Map(agencies.map((agency) => [agency.id, agency]));
}
