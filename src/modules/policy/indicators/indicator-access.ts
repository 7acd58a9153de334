import type { Queryable } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import { actorOf, authorize, recordAudit } from "../../access/index.js";
import type { IndicatorContext } from "./indicator-context.js";
import type { PolicyIndicator } from "./indicator-record.js";

type AuditValue = string | number | boolean | null;

/**
 * Indicators are read by policy officers, agencies' focal points and statistics analysts. Anyone
 * else is refused by `authorize` on `policy.manage`, which audits the refusal (403).
 */
export async function authorizeIndicatorReading(context: IndicatorContext): Promise<void> {
  const permissions = context.principal?.permissions;
  if (
    permissions?.has("policy.manage") ||
    permissions?.has("policy.report") ||
    permissions?.has("statistics.read")
  )
    return;
  await authorize(context, "policy.manage");
}

/** Only ministry policy officers define and change indicators. */
export async function authorizeIndicatorDefining(context: IndicatorContext): Promise<string> {
  await authorize(context, "policy.manage");
  if (!context.principal) throw new Error("authorize lets no one without a principal through");
  return context.principal.userId;
}

/**
 * Values are entered by focal points (`policy.report`) of the indicator's responsible agency only:
 * another agency's focal point is refused with 403 and `policy_indicator_other_agency` (the
 * indicator is not secret, so the refusal names the reason), and the refusal is audited.
 */
export async function authorizeValueEntry(
  context: IndicatorContext,
  indicator: PolicyIndicator,
): Promise<{ userId: string; agencyId: string }> {
  const record = { entityType: "policy_indicator", entityId: indicator.id };
  await authorize(context, "policy.report", record);
  const principal = context.principal;
  if (!principal) throw new Error("authorize lets no one without a principal through");
  if (principal.agencyId === null || principal.agencyId !== indicator.responsibleAgencyId) {
    await recordAudit(context.db, {
      actor: actorOf(principal),
      action: "access.denied",
      outcome: "denied",
      ...record,
      agencyId: indicator.responsibleAgencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { permission: "policy.report", reason: "other_agency" },
    });
    throw new DomainError("policy_indicator_other_agency", 403, "policyIndicators.errors.otherAgency");
  }
  return { userId: principal.userId, agencyId: principal.agencyId };
}

/** Every change of an indicator or of its values is in the audit trail. */
export async function auditIndicator(
  context: IndicatorContext,
  db: Queryable,
  action: string,
  entityId: string,
  details?: Record<string, AuditValue>,
): Promise<void> {
  await recordAudit(db, {
    actor: actorOf(context.principal),
    action,
    outcome: "success",
    entityType: "policy_indicator",
    entityId,
    agencyId: context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details,
  });
}
