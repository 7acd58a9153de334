import type { FastifyReply, FastifyRequest } from "fastify";
import type { Locale } from "../../../../platform/http/index.js";
import { readPdfUpload } from "../read-pdf-upload.js";
import { normalizeVerificationCode, verifyDocument } from "../verify-document.js";
import type { Workspace } from "../workspace.js";

const views = "cases/workspace/verify";

/** The form asking for a code; sent with one, it goes to that code's page. */
export async function askForCode(request: FastifyRequest, reply: FastifyReply) {
  const raw = (request.query as { code?: unknown } | undefined)?.code;
  const title = request.t("workspace.verify.title");
  if (typeof raw !== "string") return reply.render(`${views}/verify.njk`, { title, errorsByField: {} });
  const code = normalizeVerificationCode(raw).slice(0, 64);
  if (code) return reply.redirect(`/verify/${encodeURIComponent(code)}`, 303);
  const text = request.t("workspace.verify.codeMissing");
  reply.status(422);
  return reply.render(`${views}/verify.njk`, {
    title,
    errors: [{ field: "code", href: "#code", text }],
    errorsByField: { code: text },
  });
}

/** A PDF downloaded from Karvan, uploaded to check its electronic seal; the file is not kept. */
export async function checkSeal(workspace: Workspace, request: FastifyRequest, reply: FastifyReply) {
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
}

/** What an issued document's code confirms (or that no document has it). */
export async function showVerification(
  workspace: Workspace,
  request: FastifyRequest<{ Params: { code: string } }>,
  reply: FastifyReply,
) {
  const code = request.params.code.slice(0, 64);
  const result = await verifyDocument(
    workspace,
    { principal: request.principal, ip: request.ip, requestId: String(request.id) },
    code,
    request.locale as Locale,
  );
  return reply.render(`${views}/verify-result.njk`, {
    title: request.t(`workspace.verify.status.${result.status}`),
    statusTag: result.status === "not-found" ? null : request.t(`workspace.verify.tag.${result.status}`),
    result,
    code: normalizeVerificationCode(code),
  });
}
