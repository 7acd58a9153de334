import type { Locale, Translator } from "../../../platform/http/index.js";
import { type PdfDocumentDefinition, renderPdf, type SealDescription } from "../../../platform/pdf/index.js";
import { qrPngDataUrl } from "../../../platform/qr/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { formatLongDate } from "./answer-summary.js";
import { issuedDocumentKey } from "./issued-document-name.js";
import { breakableText, type HolderPhoto, holderRows, sealNote, withHolderPhoto } from "./permit-parts.js";

export interface DecisionDocumentInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  /** The language the document is written in (az, en or ru), chosen by the applicant. */
  locale: Locale;
  t: Translator;
  agencyName: string;
  applicantName: string;
  /** The service's public address: the QR code points to `${publicUrl}/verify/<code>`. */
  publicUrl: string;
  /** The seal the PDF will carry once rendered; the document names it (and warns of a demo seal). */
  seal?: SealDescription | undefined;
  /** The holder's photograph from the application, printed on the permit. */
  holderPhoto?: HolderPhoto | undefined;
}

export function verificationUrl(publicUrl: string, verificationCode: string): string {
  return `${publicUrl}/verify/${encodeURIComponent(verificationCode)}`;
}

function detailsTable(rows: Array<[string, string]>) {
  return {
    table: {
      widths: [170, "*"],
      body: rows.map(([label, value]) => [{ text: label, bold: true }, breakableText(value)]),
    },
    layout: "lightHorizontalLines",
    margin: [0, 8, 0, 12] as [number, number, number, number],
  };
}

async function verificationBlock(input: DecisionDocumentInput) {
  const code = input.state.decision?.verificationCode;
  if (!code) return [];
  const url = verificationUrl(input.publicUrl, code);
  return [
    {
      columns: [
        { image: await qrPngDataUrl(url, 256), width: 96 },
        {
          stack: [
            { text: input.t("portal.pdf.verifyHeading"), bold: true },
            {
              text: input.t("portal.pdf.verifyText"),
              margin: [0, 4, 0, 4] as [number, number, number, number],
            },
            { text: url, fontSize: 9 },
            { text: `${input.t("portal.pdf.verificationCode")}: ${code}`, fontSize: 9 },
          ],
          margin: [12, 0, 0, 0] as [number, number, number, number],
        },
      ],
      margin: [0, 16, 0, 0] as [number, number, number, number],
    },
  ];
}

function header(input: DecisionDocumentInput, title: string) {
  return [
    {
      text: input.agencyName,
      bold: true,
      fontSize: 12,
      margin: [0, 0, 0, 16] as [number, number, number, number],
    },
    { text: title, bold: true, fontSize: 18, margin: [0, 0, 0, 4] as [number, number, number, number] },
    {
      text: input.definition.name[input.locale],
      fontSize: 12,
      margin: [0, 0, 0, 8] as [number, number, number, number],
    },
  ];
}

function documentInfo(input: DecisionDocumentInput, title: string): PdfDocumentDefinition["info"] {
  return { title: `${title} ${input.state.number}`, subject: input.definition.name[input.locale] };
}

/** The decision letter: what was decided on the application, why, and on which legal basis. */
export async function renderDecisionLetter(input: DecisionDocumentInput): Promise<Buffer> {
  const { state, definition, locale, t } = input;
  const decision = state.decision;
  if (!decision?.issued) throw new Error(`case ${state.id} has no issued decision`);
  const outcome = definition.outcomes.find((one) => one.code === decision.outcome);
  const title = t("portal.pdf.decisionTitle");
  const rows: Array<[string, string]> = [
    [t("portal.pdf.caseNumber"), state.number],
    [t("portal.pdf.applicant"), input.applicantName],
    [t("portal.pdf.submitted"), state.submittedAt ? formatLongDate(state.submittedAt, locale) : "—"],
    [t("portal.pdf.decidedOn"), state.decidedAt ? formatLongDate(state.decidedAt, locale) : "—"],
    [t("portal.pdf.outcome"), outcome?.label[locale] ?? decision.outcome],
  ];
  if (decision.documentNumber) rows.push([t("portal.pdf.documentNumber"), decision.documentNumber]);
  if (decision.validFrom && decision.validTo) {
    rows.push([
      t("portal.pdf.validity"),
      t("portal.pdf.validityRange", {
        from: formatLongDate(decision.validFrom, locale),
        to: formatLongDate(decision.validTo, locale),
      }),
    ]);
  }
  return renderPdf({
    info: documentInfo(input, title),
    pageSize: "A4",
    pageMargins: [56, 56, 56, 56],
    content: [
      ...header(input, title),
      detailsTable(rows),
      { text: t("portal.pdf.reasons"), bold: true, margin: [0, 4, 0, 4] },
      { text: decision.reasons },
      { text: t("portal.pdf.legalBasis"), bold: true, margin: [0, 12, 0, 4] },
      { text: definition.legalBasis[locale] },
      ...(await verificationBlock(input)),
      ...sealNote(t, input.seal),
    ],
  });
}

/** The permit (or registration certificate) a positive decision issues, with its QR code. */
export async function renderPermit(input: DecisionDocumentInput): Promise<Buffer> {
  const { state, locale, t } = input;
  const decision = state.decision;
  if (!decision?.issued || !decision.documentNumber) throw new Error(`case ${state.id} issued no document`);
  // A registration made on notification issues a registration confirmation, not a permit.
  const title = t(
    issuedDocumentKey(input.definition) === "registration"
      ? "portal.pdf.registrationTitle"
      : "portal.pdf.permitTitle",
  );
  const rows: Array<[string, string]> = [
    [t("portal.pdf.documentNumber"), decision.documentNumber],
    ...holderRows(input),
    [t("portal.pdf.caseNumber"), state.number],
  ];
  if (decision.validFrom) rows.push([t("portal.pdf.validFrom"), formatLongDate(decision.validFrom, locale)]);
  if (decision.validTo) rows.push([t("portal.pdf.validTo"), formatLongDate(decision.validTo, locale)]);
  return renderPdf({
    info: documentInfo(input, title),
    pageSize: "A4",
    pageMargins: [56, 56, 56, 56],
    content: [
      ...header(input, title),
      withHolderPhoto(detailsTable(rows), input.holderPhoto),
      ...(await verificationBlock(input)),
      ...sealNote(t, input.seal),
    ],
  });
}
