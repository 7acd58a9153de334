import type { ConsultationContext } from "../consultation-access.js";
import { tokenOfClosedConsultation, verifyByToken } from "../repository.js";
import { tokenHash } from "./post-comment.js";

/**
 * The e-mailed link: the comment enters moderation. The token works once and for 48 hours; an
 * unusable one says so without telling used from expired or unknown. A comment sent on the last
 * day may still be confirmed after the closing date, but not once the consultation was closed
 * early (by the officer, or with its document leaving consultation): then it answers "closed".
 */
export async function verifyComment(
  context: ConsultationContext,
  token: string,
): Promise<{ consultationId: string } | "closed" | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const at = context.clock.now();
  const comment = await verifyByToken(context.db, hash, at);
  if (comment) return { consultationId: comment.consultationId };
  return (await tokenOfClosedConsultation(context.db, hash, at)) ? "closed" : null;
}
