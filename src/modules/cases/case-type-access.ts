import { notInArray, type SQL } from "drizzle-orm";
import { ForbiddenError } from "../../platform/errors/index.js";
import { actorOf, authorize, type Permission, type Principal, recordAudit } from "../access/index.js";
import { caseRecord } from "./case-access.js";
import type { CasesContext } from "./cases-context.js";
import type { CaseTypeDefinition } from "./definition/case-type.js";
import type { CaseTypeRegistry } from "./definition/registry.js";
import type { CaseState } from "./engine/case-state.js";
import { cases } from "./schema.js";

/**
 * The access a case type's definition adds to `cases.read` and the agency scope (`access` in
 * case-type.ts): a type whose cases only some roles may see at all (asylum), one only officers
 * register, and answers of a special category (health, religion) only some roles read.
 */

/** Whether the person may see cases of this type at all; public users reach their own cases by ownership. */
export function mayReadCaseType(principal: Principal | null, definition: CaseTypeDefinition): boolean {
  const needed = definition.access?.read;
  if (!needed || principal?.kind === "public") return true;
  return principal?.permissions.has(needed as Permission) ?? false;
}

/** Every declared version of every case type. */
function everyVersion(registry: CaseTypeRegistry): CaseTypeDefinition[] {
  return registry.current().flatMap((latest) =>
    Array.from({ length: latest.version }, (_, index) => {
      try {
        return [registry.get(latest.code, index + 1)];
      } catch {
        // A version number that was skipped: nothing runs on it.
        return [];
      }
    }).flat(),
  );
}

/** The codes of the case types whose cases this person may not see (any version protected is enough). */
export function unreadableCaseTypes(registry: CaseTypeRegistry, principal: Principal | null): string[] {
  const hidden = new Set<string>();
  for (const definition of everyVersion(registry)) {
    if (!mayReadCaseType(principal, definition)) hidden.add(definition.code);
  }
  return [...hidden];
}

/** A condition on the `cases` table leaving out the types the person may not see; none when all are visible. */
export function readableCaseTypesCondition(
  registry: CaseTypeRegistry,
  principal: Principal | null,
): SQL | undefined {
  const hidden = unreadableCaseTypes(registry, principal);
  return hidden.length > 0 ? notInArray(cases.typeCode, hidden) : undefined;
}

/**
 * Refuses (403, audited as `access.denied`) a person without the type's read permission. Inside a
 * transaction pass `deferAudit`, as `authorize` says.
 */
export async function authorizeCaseType(
  context: Pick<CasesContext, "db" | "principal" | "ip" | "requestId">,
  state: CaseState,
  definition: CaseTypeDefinition,
  options: { deferAudit?: boolean } = {},
): Promise<void> {
  const needed = definition.access?.read;
  if (!needed || context.principal?.kind === "public") return;
  await authorize(
    { db: context.db, principal: context.principal, ip: context.ip, requestId: context.requestId },
    needed as Permission,
    caseRecord(state),
    options,
  );
}

/** Which staff-registered case types this person may register (`access.register`), current versions. */
export function registrableCaseTypes(
  registry: CaseTypeRegistry,
  principal: Principal | null,
): CaseTypeDefinition[] {
  if (principal?.kind !== "staff") return [];
  return registry
    .current()
    .filter(
      (definition) =>
        definition.applicants.includes("staff") &&
        principal.permissions.has(definition.access?.register as Permission) &&
        mayReadCaseType(principal, definition),
    );
}

/**
 * Refuses (403, audited) an officer who may not register cases of this type: it must be one
 * officers register, and they must hold its `access.register` and its `access.read`.
 */
export async function authorizeStaffRegistration(
  context: Pick<CasesContext, "db" | "principal" | "ip" | "requestId">,
  definition: CaseTypeDefinition,
): Promise<void> {
  const origin = {
    db: context.db,
    principal: context.principal,
    ip: context.ip,
    requestId: context.requestId,
  };
  const register = definition.applicants.includes("staff") ? definition.access?.register : undefined;
  if (!register) {
    await recordAudit(context.db, {
      actor: actorOf(context.principal),
      action: "access.denied",
      outcome: "denied",
      ip: context.ip,
      requestId: context.requestId,
      details: { reason: "not_registered_by_staff", type: definition.code },
    });
    throw new ForbiddenError("not_registered_by_staff");
  }
  await authorize(origin, register as Permission);
  const read = definition.access?.read;
  if (read) await authorize(origin, read as Permission);
}

/** The answers of a special category this person may not read; empty when they may read them all. */
export function restrictedAnswers(principal: Principal | null, definition: CaseTypeDefinition): string[] {
  const sensitive = definition.access?.sensitive;
  if (!sensitive) return [];
  if (principal?.kind === "public" || principal?.permissions.has(sensitive.permission as Permission))
    return [];
  return sensitive.answers;
}

/** The answers with the restricted ones left out, for a channel that must not show them. */
export function withoutRestrictedAnswers(
  answers: Record<string, unknown>,
  restricted: readonly string[],
): Record<string, unknown> {
  if (restricted.length === 0) return answers;
  return Object.fromEntries(Object.entries(answers).filter(([name]) => !restricted.includes(name)));
}

/**
 * A read of special-category answers by a holder of the permission is audited apart from an
 * ordinary case view (`case.sensitive_read`), naming the answers that were shown, never their values.
 */
export async function auditSensitiveRead(
  context: Pick<CasesContext, "db" | "principal" | "ip" | "requestId">,
  state: CaseState,
  definition: CaseTypeDefinition,
  channel: string,
): Promise<void> {
  const sensitive = definition.access?.sensitive;
  if (!sensitive || !context.principal || context.principal.kind === "public") return;
  if (!context.principal.permissions.has(sensitive.permission as Permission)) return;
  const shown = sensitive.answers.filter((answer) => state.answers[answer] !== undefined);
  if (shown.length === 0) return;
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "case.sensitive_read",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { channel, answers: shown.join(",") },
  });
}
