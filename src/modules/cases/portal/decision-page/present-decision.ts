import type { FastifyRequest } from "fastify";
import type { Database } from "../../../../platform/db/index.js";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { findAgencyById } from "../../../access/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { formatLongDate } from "../answer-summary.js";
import { applicationPaths } from "../application-steps.js";
import { caseCaption } from "../case-heading.js";
import { documentLanguages } from "../case-status-view.js";
import { verificationUrl } from "../decision-documents.js";
import { issuedDocumentKey } from "../issued-document-name.js";

type Row = { key: { text: string }; value: { text: string } };

function row(key: string, value: string): Row {
  return { key: { text: key }, value: { text: value } };
}

/** Free text as paragraphs: a blank line or a line break starts a new one. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/**
 * The decision letter as a page: what the PDF letter says (the outcome, the dates, the reasons,
 * the legal basis, the issued document's number and validity), in the reader's language, with
 * the PDF of the letter and of the permit for printing. 404 `decision_not_issued` before the
 * decision is issued, like the PDF.
 */
export async function presentDecision(
  request: FastifyRequest,
  db: Database,
  publicUrl: string,
  state: CaseState,
  definition: CaseTypeDefinition,
) {
  const decision = state.decision;
  if (!decision?.issued) throw new NotFoundError("decision_not_issued");
  const { t, locale } = request;
  const outcome = definition.outcomes.find((one) => one.code === decision.outcome);
  const permit = Boolean(outcome?.issuesDocument && decision.documentNumber);
  const agency = await findAgencyById(db, state.agencyId);
  const statusPath = applicationPaths.status(state.id);
  const rows: Row[] = [
    row(t("portal.pdf.outcome"), outcome?.label[locale] ?? decision.outcome),
    row(t("portal.pdf.caseNumber"), state.number),
    ...(state.submittedAt ? [row(t("portal.pdf.submitted"), formatLongDate(state.submittedAt, locale))] : []),
    ...(state.decidedAt ? [row(t("portal.pdf.decidedOn"), formatLongDate(state.decidedAt, locale))] : []),
    ...(agency ? [row(t("portal.decisionPage.decidedBy"), agency.names[locale])] : []),
    ...(decision.documentNumber ? [row(t("portal.pdf.documentNumber"), decision.documentNumber)] : []),
    ...(decision.validFrom
      ? [row(t("portal.pdf.validFrom"), formatLongDate(decision.validFrom, locale))]
      : []),
    ...(decision.validTo ? [row(t("portal.pdf.validTo"), formatLongDate(decision.validTo, locale))] : []),
  ];
  return {
    title: t("portal.decisionPage.title"),
    caption: caseCaption(request, state, definition),
    statusHref: statusPath,
    outcome: outcome?.label[locale] ?? decision.outcome,
    rows,
    reasons: paragraphsOf(decision.reasons),
    legalBasis: definition.legalBasis[locale],
    verification: decision.verificationCode
      ? { url: verificationUrl(publicUrl, decision.verificationCode), code: decision.verificationCode }
      : undefined,
    letters: documentLanguages.map((language) => ({
      ...language,
      href: `${statusPath}/decision/${language.code}`,
    })),
    /** A registration made on notification issues a registration confirmation, not a permit. */
    issuedDocumentName: t(`portal.status.issuedDocument.${issuedDocumentKey(definition)}`),
    permits: permit
      ? documentLanguages.map((language) => ({ ...language, href: `${statusPath}/permit/${language.code}` }))
      : [],
  };
}
