import { createUser } from "../create-user.js";
import { hashPassword } from "../passwords.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { findAccountByEmail, normaliseEmail } from "./auth-repository.js";
import { issueEmailToken } from "./email-tokens.js";

export interface SignUpInput {
  fullName: string;
  email: string;
  /** Already checked against the password policy by the form. */
  password: string;
  /** "I register guests or employ foreign workers": the host/employer role instead of applicant. */
  hostOrEmployer: boolean;
}

/**
 * Self-registration of an applicant or a host/employer. The account waits for its e-mail address
 * to be confirmed through a link. Whether the address was already registered is never shown on
 * the page: the owner of that address gets a "you already have an account" e-mail instead.
 */
export async function signUp(context: AuthContext, input: SignUpInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const existing = await findAccountByEmail(context.db, email);
  if (existing) {
    await answerExistingAccount(context, existing);
    return;
  }
  let created: { id: string; token: string };
  try {
    created = await context.db.transaction(async (tx) => {
      const { id } = await createUser(
        { db: tx, clock: context.clock, actor: { type: "anonymous", id: null }, ...origin(context) },
        {
          email,
          fullName: input.fullName,
          password: input.password,
          kind: "public",
          roles: [input.hostOrEmployer ? "host_employer" : "applicant"],
          locale: context.locale,
          status: "pending_verification",
        },
      );
      const token = await issueEmailToken(tx, context.clock, id, "verify_email");
      await auditAuth(tx, context, {
        action: "auth.sign_up",
        outcome: "success",
        account: { id, agencyId: null },
        details: { role: input.hostOrEmployer ? "host_employer" : "applicant" },
      });
      return { id, token };
    });
  } catch (error) {
    // Someone registered the same address a moment earlier: answer as for any existing account.
    const raced = await findAccountByEmail(context.db, email);
    if (raced) {
      await answerExistingAccount(context, raced);
      return;
    }
    throw error;
  }
  await sendAuthMail(
    context,
    "verifyEmail",
    { email, fullName: input.fullName.trim(), locale: context.locale },
    { link: `/verify-email?token=${created.token}` },
  );
}

async function answerExistingAccount(
  context: AuthContext,
  account: { id: string; email: string; fullName: string; locale: string; agencyId: string | null },
): Promise<void> {
  // Spend the time a new account would take, so the answer's timing does not tell either.
  await hashPassword("karvan-sign-up-timing-equaliser");
  await auditAuth(context.db, context, {
    action: "auth.sign_up",
    outcome: "failure",
    account,
    details: { reason: "email_taken" },
  });
  await sendAuthMail(context, "alreadyRegistered", account, {
    signInLink: "/sign-in",
    resetLink: "/forgot-password",
  });
}

function origin(context: AuthContext) {
  return { ip: context.ip, requestId: context.requestId };
}
