import type { FastifyReply } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { isLocale } from "../../../../platform/http/index.js";
import type { PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { sendIssuedDocument } from "../send-issued-document.js";
import type { documentParams } from "./form.js";

type IssuedDocumentRequest = PageRequest<typeof documentParams>;

/** The decision letter or the permit as a PDF in the language of the address. */
export async function issuedDocumentHandler(
  services: PortalServices,
  request: IssuedDocumentRequest,
  reply: FastifyReply,
  kind: "decision" | "permit",
) {
  const { cases } = services;
  const language = request.params.language;
  if (!isLocale(language)) throw new NotFoundError();
  const { state, definition } = await readOwnCase(
    cases.contextFor(request),
    request.params.id,
    `${kind}-pdf`,
  );
  return sendIssuedDocument(reply, {
    kind,
    state,
    definition,
    language,
    t: services.i18n.t(language),
    db: cases.db,
    applicantName: request.principal?.fullName ?? "",
    documents: services.documents,
    seal: cases.seal,
    publicUrl: cases.config.publicUrl,
  });
}
