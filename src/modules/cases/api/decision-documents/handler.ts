import type { FastifyReply } from "fastify";
import { isLocale } from "../../../../platform/http/index.js";
import { sendIssuedDocument } from "../../portal/send-issued-document.js";
import type { ApiRequest } from "../api-request.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { decisionDocumentSchema } from "./schema.js";

/** The decision letter or the permit as a PDF, in the language asked for or the request's. */
export async function decisionDocumentHandler(
  dependencies: ApplicationApiDependencies,
  request: ApiRequest<ReturnType<typeof decisionDocumentSchema>>,
  reply: FastifyReply,
  kind: "decision" | "permit",
) {
  const { cases } = dependencies;
  const language = request.query.language ?? (isLocale(request.locale) ? request.locale : "az");
  const { state, definition } = await ownApplication(cases, request, reply, "read");
  return sendIssuedDocument(reply, {
    kind,
    state,
    definition,
    language,
    t: dependencies.i18n.t(language),
    db: cases.db,
    applicantName: request.principal?.fullName ?? "",
    documents: dependencies.documents,
    seal: cases.seal,
    publicUrl: cases.config.publicUrl,
  });
}
