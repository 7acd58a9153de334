import type { Queryable } from "../../../platform/db/index.js";
import { recordAudit } from "../record-audit.js";
import type { AuthContext } from "./auth-context.js";

/** The audit actions of the authentication journeys. */
export type AuthAuditAction =
  | "auth.sign_up"
  | "auth.email_verified"
  | "auth.verification_sent"
  | "auth.verification_resent"
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.mfa_failed"
  | "auth.locked_out"
  | "auth.unlock_link_sent"
  | "auth.sign_in_unlocked"
  | "auth.known_device_forgotten"
  | "auth.mfa_enrolled"
  | "auth.recovery_code_used"
  | "auth.recovery_codes_regenerated"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.sign_out";

/**
 * Records an authentication event about an account (the entity). Who acted is the account itself
 * once it has proven who it is (a success); failures and e-mails anyone can trigger are recorded
 * as anonymous, since whoever typed has not proven anything. When no account is known (an unknown
 * e-mail address) nothing typed is kept.
 */
export async function auditAuth(
  db: Queryable,
  context: Pick<AuthContext, "ip" | "requestId">,
  entry: {
    action: AuthAuditAction;
    outcome: "success" | "failure" | "denied";
    account?: { id: string; agencyId: string | null } | null | undefined;
    details?: Record<string, string | number | boolean | null>;
    /** Defaults to true for successes: the account proved itself. */
    byAccount?: boolean;
  },
): Promise<void> {
  const byAccount = entry.byAccount ?? entry.outcome === "success";
  await recordAudit(db, {
    actor:
      entry.account && byAccount ? { type: "user", id: entry.account.id } : { type: "anonymous", id: null },
    action: entry.action,
    outcome: entry.outcome,
    entityType: entry.account ? "user" : undefined,
    entityId: entry.account?.id,
    agencyId: entry.account?.agencyId ?? null,
    ip: context.ip,
    requestId: context.requestId,
    details: entry.details,
  });
}
