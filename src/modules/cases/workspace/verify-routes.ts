import type { FastifyInstance } from "fastify";
import type { Locale } from "../../../platform/http/index.js";
import { readPdfUpload } from "./read-pdf-upload.js";
import { normalizeVerificationCode, verifyDocument } from "./verify-document.js";
import type { Workspace } from "./workspace.js";

const views = "cases/views/workspace";

/**
 * An enumeration target: a code per minute and address is plenty for a border guard or an
 * employer checking papers, and far too few to guess 64-bit codes.
 */
const verifyRateLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** Checking a seal reads a whole file (up to 10 MB): fewer per minute than code lookups. */
const sealCheckRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

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

  // A PDF downloaded from Karvan, uploaded to check its electronic seal; the file is not kept.
  app.post("/verify/seal", { schema: { hide: true }, config: sealCheckRateLimit }, async (request, reply) => {
    const upload = await readPdfUpload(request, "document");
    if (!upload.pdf) {
      const text = request.t(`workspace.verify.seal.problem.${upload.problem ?? "missing"}`);
      reply.status(upload.problem === "tooLarge" ? 413 : 422);
      return reply.render(`${views}/verify.njk`, {
        title: request.t("workspace.verify.title"),
        errors: [{ field: "document", href: "#document", text }],
        errorsByField: { document: text },
      });
    }
    const result = await workspace.cases.seal.check(upload.pdf);
    return reply.render(`${views}/verify-seal-result.njk`, {
      title: request.t(`workspace.verify.seal.status.${result.status}`),
      result,
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
