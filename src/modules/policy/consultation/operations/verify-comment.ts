import type { ConsultationContext } from "../consultation-access.js";
import { verifyByToken } from "../repository.js";
import { tokenHash } from "./post-comment.js";

/**
 * The e-mailed link: the comment enters moderation. The token works once and for 48 hours; an
 * unusable one says so without telling used from expired or unknown. Verifying does not need the
 * consultation to be open still: the comment was sent while it was.
 */
export async function verifyComment(
  context: ConsultationContext,
  token: string,
): Promise<{ consultationId: string } | null> {
  if (!token || token.length > 200) return null;
  const comment = await verifyByToken(context.db, tokenHash(token), context.clock.now());
  return comment ? { consultationId: comment.consultationId } : null;
}
