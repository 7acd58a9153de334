import { ForbiddenError } from "../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import type { PolicyAction } from "./records.js";
import type { PolicyStrategiesContext } from "./strategies-module.js";

type AuditDb = Parameters<typeof recordAudit>[0];

function authorizationOf(context: PolicyStrategiesContext) {
  return { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId };
}

/** Policy officers of the ministry write documents, objectives, measures and actions. */
export async function authorizeManage(
  context: PolicyStrategiesContext,
  record?: { entityType: string; entityId: string },
): Promise<string> {
  await authorize(authorizationOf(context), "policy.manage", record);
  if (!context.principal) throw new Error("authorize lets no one without a principal through");
  return context.principal.userId;
}

/** Documents and their plans are read by policy officers and by every agency's focal points. */
export async function authorizeRead(context: PolicyStrategiesContext): Promise<void> {
  const permissions = context.principal?.permissions;
  if (permissions?.has("policy.manage")) return;
  await authorize(authorizationOf(context), "policy.report");
}

/** True when the principal may write the action's status reports. */
export function mayReport(
  context: Pick<PolicyStrategiesContext, "principal">,
  action: PolicyAction,
): boolean {
  const principal = context.principal;
  if (!principal) return false;
  if (principal.permissions.has("policy.manage")) return true;
  return principal.permissions.has("policy.report") && principal.agencyId === action.responsibleAgencyId;
}

/**
 * An agency writes only its own status reports: a focal point of another agency is refused with
 * 403 and its own code (the action itself is no secret: every focal point reads the plans).
 */
export async function authorizeReport(
  context: PolicyStrategiesContext,
  action: PolicyAction,
): Promise<string> {
  if (mayReport(context, action) && context.principal) return context.principal.userId;
  const principal = context.principal;
  if (!principal?.permissions.has("policy.report")) {
    await authorize(authorizationOf(context), "policy.manage", {
      entityType: "policy_action",
      entityId: action.id,
    });
  }
  await recordAudit(context.db, {
    actor: principal ? { type: "user", id: principal.userId } : { type: "anonymous", id: null },
    action: "access.denied",
    outcome: "denied",
    entityType: "policy_action",
    entityId: action.id,
    agencyId: action.responsibleAgencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { permission: "policy.report", reason: "other_agency" },
  });
  throw new ForbiddenError("policy_report_other_agency");
}

/** Every change to a policy document, its plan or its reports leaves an audit record. */
export async function auditPolicy(
  context: PolicyStrategiesContext,
  db: AuditDb,
  action: string,
  entry: {
    entityType: string;
    entityId: string;
    agencyId?: string | null;
    details?: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await recordAudit(db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action,
    outcome: "success",
    entityType: entry.entityType,
    entityId: entry.entityId,
    agencyId: entry.agencyId ?? context.principal?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: entry.details,
  });
}
