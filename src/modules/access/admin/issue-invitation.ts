import { randomBytes } from "node:crypto";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import type { Translator } from "../../../platform/http/index.js";
import type { MailMessage } from "../../../platform/mail/index.js";
import { emailTokens } from "../schema.js";
import { hashToken } from "../sessions.js";

/** How long an invitation link works; after that the person asks for a new password link. */
export const invitationValidHours = 72;

/**
 * Stores a one-time "set your password" token for a new staff account and returns the link. The
 * token is a password-reset token, so the reset-password page serves it; only its hash is kept.
 */
export async function issueInvitation(
  db: Queryable,
  clock: Clock,
  input: { userId: string; publicUrl: string; locale: string },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await db.insert(emailTokens).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    purpose: "reset_password",
    expiresAt: new Date(now.getTime() + invitationValidHours * 3600_000),
    createdAt: now,
  });
  return `${input.publicUrl}/reset-password?token=${token}&lang=${input.locale}`;
}

/** The invitation e-mail, in the language chosen for the new staff member. */
export function invitationMessage(
  t: Translator,
  input: { to: string; fullName: string; link: string; locale: string; invitedBy: string },
): MailMessage {
  const lng = input.locale;
  return {
    to: input.to,
    subject: t("admin.invitation.subject", { lng }),
    text: t("admin.invitation.body", {
      lng,
      name: input.fullName,
      invitedBy: input.invitedBy,
      link: input.link,
      hours: invitationValidHours,
    }),
  };
}
