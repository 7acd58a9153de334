import type { FastifyInstance } from "fastify";
import type { Locale } from "../../../platform/http/index.js";
import { normalizeVerificationCode, verifyDocument } from "./verify-document.js";
import type { Workspace } from "./workspace.js";

const views = "cases/views/workspace";

/**
 * An enumeration target: a code per minute and address is plenty for a border guard or an
 * employer checking papers, and far too few to guess 64-bit codes.
 */
const verifyRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** The public page that confirms an issued permit or registration from its QR code. */
export async function registerVerifyRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  app.get("/verify", { schema: { hide: true }, config: verifyRateLimit }, async (request, reply) => {
    const raw = (request.query as { code?: unknown } | undefined)?.code;
    if (typeof raw === "string") {
      const code = normalizeVerificationCode(raw).slice(0, 64);
      if (code) return reply.redirect(`/verify/${encodeURIComponent(code)}`, 303);
      const text = request.t("workspace.verify.codeMissing");
      reply.status(422);
      return reply.render(`${views}/verify.njk`, {
        title: request.t("workspace.verify.title"),
        errors: [{ field: "code", href: "#code", text }],
        errorsByField: { code: text },
      });
    }
    return reply.render(`${views}/verify.njk`, {
      title: request.t("workspace.verify.title"),
      errorsByField: {},
    });
  });

  app.get<{ Params: { code: string } }>(
    "/verify/:code",
    { schema: { hide: true }, config: verifyRateLimit },
    async (request, reply) => {
      const result = await verifyDocument(
        workspace,
        { principal: request.principal, ip: request.ip, requestId: String(request.id) },
        request.params.code.slice(0, 64),
        request.locale as Locale,
      );
      return reply.render(`${views}/verify-result.njk`, {
        title: request.t(`workspace.verify.status.${result.status}`),
        statusTag: result.status === "not-found" ? null : request.t(`workspace.verify.tag.${result.status}`),
        result,
        code: normalizeVerificationCode(request.params.code.slice(0, 64)),
      });
    },
  );
}
