import { eq, inArray, sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import { ConflictError, DomainError } from "../../platform/errors/index.js";
import { isUuid } from "./id-params.js";
import { hashPassword, passwordProblem } from "./passwords.js";
import type { AuditActor } from "./principal.js";
import { recordAudit } from "./record-audit.js";
import { agencies, roles, userRoles, users } from "./schema.js";

export interface CreateUserInput {
  email: string;
  fullName: string;
  password: string;
  kind: "public" | "staff";
  /** Agency code or id; required for staff, refused for public users. */
  agency?: string | undefined;
  roles: string[];
  locale?: string | undefined;
  /** Public users start pending until they verify their e-mail; staff are created active. */
  status?: "pending_verification" | "active";
}

export interface CreateUserContext {
  db: Database;
  clock: Clock;
  actor: AuditActor;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/** Creates a user with roles, in one transaction with its audit record. */
export async function createUser(
  context: CreateUserContext,
  input: CreateUserInput,
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password, [email.split("@")[0] ?? "", input.fullName]);
  if (problem) throw new DomainError(`password_${problem}`, 422, `access.errors.password_${problem}`);
  if (input.roles.length === 0) throw new DomainError("role_required", 422, "access.errors.role_required");
  const passwordHash = await hashPassword(input.password);

  return context.db.transaction(async (tx) => {
    const foundRoles = await tx.select().from(roles).where(inArray(roles.code, input.roles));
    if (foundRoles.length !== new Set(input.roles).size) {
      throw new DomainError("unknown_role", 422, "access.errors.unknown_role");
    }
    if (foundRoles.some((role) => role.staff !== (input.kind === "staff"))) {
      throw new DomainError("role_kind_mismatch", 422, "access.errors.role_kind_mismatch");
    }
    let agencyId: string | null = null;
    if (input.kind === "staff") {
      if (!input.agency) throw new DomainError("agency_required", 422, "access.errors.agency_required");
      const condition = isUuid(input.agency)
        ? eq(agencies.id, input.agency)
        : eq(agencies.code, input.agency);
      const [agency] = await tx
        .select({ id: agencies.id, active: agencies.active })
        .from(agencies)
        .where(condition);
      if (!agency?.active) throw new DomainError("unknown_agency", 422, "access.errors.unknown_agency");
      agencyId = agency.id;
    } else if (input.agency) {
      throw new DomainError("agency_not_allowed", 422, "access.errors.agency_not_allowed");
    }
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (existing) throw new ConflictError("email_taken", "access.errors.email_taken");

    const now = context.clock.now();
    const status = input.status ?? (input.kind === "staff" ? "active" : "pending_verification");
    const [created] = await tx
      .insert(users)
      .values({
        email,
        fullName: input.fullName.trim(),
        passwordHash,
        kind: input.kind,
        agencyId,
        status,
        locale: input.locale ?? "az",
        emailVerifiedAt: status === "active" ? now : null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    if (!created) throw new Error("insert returned no row");
    await tx
      .insert(userRoles)
      .values(input.roles.map((roleCode) => ({ userId: created.id, roleCode, grantedAt: now })));
    await recordAudit(tx, {
      actor: context.actor,
      action: "user.created",
      outcome: "success",
      entityType: "user",
      entityId: created.id,
      agencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { kind: input.kind, roles: input.roles.join(",") },
    });
    return created;
  });
}
