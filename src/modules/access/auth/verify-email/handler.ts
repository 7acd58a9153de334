import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { typed } from "../auth-page-helpers.js";
import { verifyEmail } from "../verify-email.js";

/** GET /verify-email?token=…: the link from the sign-up e-mail. */
export async function verifyEmailFromLink(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { verified } = await verifyEmail(authContextOf(access, request), typed(request.query, "token"));
  return reply.render("access/auth/verify-email/verify-email.njk", {
    title: request.t(verified ? "auth.verifyEmail.verifiedTitle" : "auth.verifyEmail.unusableTitle"),
    verified,
  });
}
