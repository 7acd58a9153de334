import { createUser } from "../create-user.js";
import { hashPassword } from "../passwords.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { findAccountByEmail, normaliseEmail } from "./auth-repository.js";
import { mailLink } from "./mail-link.js";
import { verificationLinksPerHour } from "./resend-verification.js";

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
 * the page: the owner of that address gets a "you already have an account" e-mail instead. Both
 * e-mails are sent by the `auth.mail-request` job: the answer never waits for the mail server,
 * which would otherwise tell a new address from a registered one by its timing.
 */
export async function signUp(context: AuthContext, input: SignUpInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const existing = await findAccountByEmail(context.db, email);
  if (existing) {
    await answerExistingAccount(context, existing);
    return;
  }
  try {
    await context.db.transaction(async (tx) => {
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
      await auditAuth(tx, context, {
        action: "auth.sign_up",
        outcome: "success",
        account: { id, agencyId: null },
        details: { role: input.hostOrEmployer ? "host_employer" : "applicant" },
      });
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
  await context.mailRequests.queue("sign_up_verification", email, mailOrigin(context));
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
  await context.mailRequests.queue("sign_up_existing", account.email, mailOrigin(context));
}

/** The job's part of a new account: its first verification link, if it is still waiting for one. */
export async function sendSignUpVerification(
  context: AuthContext,
  email: string,
  requestKey?: string,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (account?.status !== "pending_verification") return;
  await mailLink(context, {
    account,
    purpose: "verify_email",
    perHour: verificationLinksPerHour,
    mail: "verifyEmail",
    path: "/verify-email",
    audit: "auth.verification_sent",
    requestKey,
  });
}

/** The job's part of a sign-up with a registered address: its owner hears of it by e-mail. */
export async function sendAlreadyRegistered(
  context: AuthContext,
  email: string,
  requestKey?: string,
): Promise<void> {
  const account = await findAccountByEmail(context.db, email);
  if (!account) return;
  await sendAuthMail(
    context,
    "alreadyRegistered",
    account,
    { signInLink: "/sign-in", resetLink: "/forgot-password" },
    requestKey ? `auth-${requestKey}` : undefined,
  );
}

function origin(context: AuthContext) {
  return { ip: context.ip, requestId: context.requestId };
}

function mailOrigin(context: AuthContext) {
  return { ...origin(context), userAgent: context.userAgent };
}
