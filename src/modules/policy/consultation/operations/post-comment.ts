import { createHash, randomBytes, randomUUID } from "node:crypto";
import { ConflictError, TooManyRequestsError } from "../../../../platform/errors/index.js";
import type { Locale } from "../../../../platform/http/index.js";
import { legalToday } from "../../strategies/strategies-module.js";
import { type ConsultationContext, existingConsultation, invalid } from "../consultation-access.js";
import { mailVerificationLink } from "../consultation-notices.js";
import { sectionCodes } from "../draft-sections.js";
import { standingOn } from "../records.js";
import { countUnverifiedFrom, insertComment } from "../repository.js";

/** How long the e-mailed link that verifies a comment works. */
export const verificationHours = 48;
/** Unverified comments one address may have on one consultation within a day: no mail bombing a stranger. */
const unverifiedPerAddressPerDay = 3;

export interface CommentInput {
  /** Name and e-mail are asked of those not signed in; a portal account's own are used otherwise. */
  name: string;
  email: string;
  displayName: string | null;
  sectionCode: string | null;
  text: string;
  locale: Locale;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A comment on an open consultation. A member of the public signed in with their browser comments
 * straight into moderation; anyone else is e-mailed a link, and the comment waits for it.
 */
export async function postComment(
  context: ConsultationContext,
  consultationId: string,
  input: CommentInput,
): Promise<{ verified: boolean }> {
  const consultation = await existingConsultation(context, consultationId);
  const standing = standingOn(consultation, legalToday(context));
  if (standing !== "open")
    throw new ConflictError(
      `consultation_${standing === "closed" ? "closed" : "not_open"}`,
      `policyConsultation.errors.${standing === "closed" ? "closed" : "notOpen"}`,
    );
  if (input.sectionCode && !sectionCodes(consultation.text.az).includes(input.sectionCode))
    throw invalid("consultation_section_unknown", "policyConsultation.errors.sectionUnknown");
  const now = context.clock.now();
  const principal = context.principal;
  const account = principal?.kind === "public" && !principal.apiKeyId ? principal : null;
  const id = randomUUID();
  const common = {
    id,
    consultationId,
    displayName: input.displayName,
    locale: input.locale,
    sectionCode: input.sectionCode,
    text: input.text,
    createdAt: now,
  };
  if (account) {
    await insertComment(context.db, {
      ...common,
      authorUserId: account.userId,
      authorName: account.fullName,
      email: account.email,
      status: "pending",
      verifiedAt: now,
    });
    return { verified: true };
  }
  const since = new Date(now.getTime() - 24 * 3600_000);
  if (
    (await countUnverifiedFrom(context.db, consultationId, input.email, since)) >= unverifiedPerAddressPerDay
  )
    throw new TooManyRequestsError("consultation_comment_limit", "policyConsultation.errors.commentLimit");
  const token = randomBytes(32).toString("base64url");
  await insertComment(context.db, {
    ...common,
    authorUserId: null,
    authorName: input.name,
    email: input.email,
    status: "unverified",
    verifyTokenHash: tokenHash(token),
    verifyExpiresAt: new Date(now.getTime() + verificationHours * 3600_000),
  });
  await mailVerificationLink(context, consultation, { id, email: input.email, locale: input.locale }, token);
  return { verified: false };
}
