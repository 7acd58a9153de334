import { DomainError } from "../../../platform/errors/index.js";
import { isUuid } from "../id-params.js";
import { actorOf } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import type { AuditSearchFilters } from "./audit-filters.js";
import {
  type AuditPage,
  type AuditPageRequest,
  findAuditRecords,
  findUserIdByEmail,
  type ResolvedAuditQuery,
} from "./audit-repository.js";
import { type AuditorContext, agencyScopeOf, authorizeAuditor, presentOnly } from "./auditor-context.js";

export class UnknownActorError extends DomainError {
  constructor() {
    super("audit_actor_unknown", 422, "audit.errors.actorUnknown");
  }
}

/**
 * Turns the filters into a query: an e-mail address becomes the user's id (the trail names
 * actors by id only), and the reader's agency scope is added.
 */
export async function resolveAuditQuery(
  context: AuditorContext,
  filters: AuditSearchFilters,
): Promise<ResolvedAuditQuery> {
  const principal = await authorizeAuditor(context);
  let actorId: string | undefined;
  if (filters.actor && isUuid(filters.actor)) actorId = filters.actor.toLowerCase();
  else if (filters.actor) {
    actorId = (await findUserIdByEmail(context.db, filters.actor)) ?? undefined;
    if (!actorId) throw new UnknownActorError();
  }
  const { actor: _actor, ...rest } = filters;
  return { ...rest, actorId, onlyAgency: agencyScopeOf(principal) };
}

/** The query as it goes into the audit record of the search: ids and codes, no e-mail addresses. */
export function searchDetails(query: ResolvedAuditQuery): Record<string, string | number | boolean | null> {
  return presentOnly({
    from: query.from,
    to: query.to,
    actorId: query.actorId,
    action: query.action,
    outcome: query.outcome,
    entityType: query.entityType,
    entityId: query.entityId,
    agencyId: query.agency,
  });
}

/**
 * Searches the trail. The results name staff members, so the search itself is audited, in the
 * same transaction as the read.
 */
export async function searchAuditTrail(
  context: AuditorContext,
  filters: AuditSearchFilters,
  page: AuditPageRequest,
): Promise<AuditPage & { query: ResolvedAuditQuery }> {
  const query = await resolveAuditQuery(context, filters);
  return context.db.transaction(async (tx) => {
    const result = await findAuditRecords(tx, query, page);
    await recordAudit(tx, {
      actor: actorOf(context.principal),
      action: "audit.searched",
      outcome: "success",
      entityType: "audit_trail",
      ip: context.ip,
      requestId: context.requestId,
      details: {
        ...searchDetails(query),
        ...presentOnly({ before: page.before, after: page.after }),
        results: result.records.length,
      },
    });
    return { ...result, query };
  });
}
