import type { FastifyReply } from "fastify";
import type { Database } from "../../../platform/db/index.js";
import { NotFoundError } from "../../../platform/errors/index.js";
import { attachmentDisposition, type Documents } from "../../../platform/files/index.js";
import type { Locale, Translator } from "../../../platform/http/index.js";
import type { DocumentSeal } from "../../../platform/pdf/index.js";
import { findAgencyById } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { issuedDocumentKey } from "./issued-document-name.js";
import { renderSealedDocument } from "./render-sealed-document.js";

export interface IssuedDocumentRequest {
  kind: "decision" | "permit";
  state: CaseState;
  definition: CaseTypeDefinition;
  language: Locale;
  t: Translator;
  db: Database;
  applicantName: string;
  publicUrl: string;
  /** Where the holder's photo is read from. */
  documents: Documents;
  seal: DocumentSeal;
}

/**
 * The decision letter or the permit of an issued decision as a PDF download (portal and API):
 * 404 `decision_not_issued` before the decision is issued, `no_permit` when it issues none.
 */
export async function sendIssuedDocument(reply: FastifyReply, request: IssuedDocumentRequest) {
  const { kind, state, definition, language } = request;
  const decision = state.decision;
  const outcome = definition.outcomes.find((one) => one.code === decision?.outcome);
  if (!decision?.issued) throw new NotFoundError("decision_not_issued");
  if (kind === "permit" && !(outcome?.issuesDocument && decision.documentNumber)) {
    throw new NotFoundError("no_permit");
  }
  const agency = await findAgencyById(request.db, state.agencyId);
  const input = {
    state,
    definition,
    locale: language,
    t: request.t,
    agencyName: agency?.names[language] ?? "",
    applicantName: request.applicantName,
    publicUrl: request.publicUrl,
  };
  const pdf = await renderSealedDocument(kind, input, request);
  const documentName =
    kind === "permit" && issuedDocumentKey(definition) === "registration" ? "registration" : kind;
  const fileName = `${kind === "permit" ? (decision.documentNumber ?? state.number) : state.number}-${documentName}-${language}.pdf`;
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", attachmentDisposition(fileName))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(pdf);
}
