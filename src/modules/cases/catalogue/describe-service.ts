import type { CaseTypeDefinition } from "../definition/case-type.js";
import {
  type CatalogueReader,
  formatLegalTime,
  formatMoney,
  formatMonths,
  formatUnit,
  inLanguage,
} from "./catalogue-text.js";
import { conditionInWords } from "./condition-in-words.js";
import { minimumDecidedCases, type ProcessingTime, processingTimeWindowDays } from "./processing-time.js";

export interface ServiceSummary {
  code: string;
  name: string;
  summary: string;
  whoCanApply: string[];
  href: string;
}

export interface ServiceDescription extends ServiceSummary {
  legalBasis: string;
  documents: Array<{ name: string; hint: string | null; onlyIf: string | null }>;
  /** One row per way of paying: the standard fee and each express tier. */
  fees: Array<{ option: string; timeLimit: string | null; fee: string }>;
  free: boolean;
  /** What the law gives, in words; null when the case is decided on submission. */
  legalTime: string | null;
  decidedOnSubmission: boolean;
  pausesForDocuments: boolean;
  actualTime: { median: string | null; decidedCases: number; period: string; minimum: number };
  validity: string | null;
  /** None for a procedure only officers register: there is nothing to start online. */
  applyHref: string | null;
  workflowHref: string;
  apiAvailable: boolean;
}

export function summarizeService(definition: CaseTypeDefinition, reader: CatalogueReader): ServiceSummary {
  return {
    code: definition.code,
    name: inLanguage(definition.name, reader),
    summary: inLanguage(definition.summary, reader),
    whoCanApply: definition.applicants.map((kind) => reader.t(`catalogue.applicants.${kind}`)),
    href: `/services/${definition.code}`,
  };
}

/** The validity of the positive decision's document, in words. */
function validityInWords(definition: CaseTypeDefinition, reader: CatalogueReader): string | null {
  const granted = definition.outcomes.find((outcome) => outcome.issuesDocument);
  if (!granted) return null;
  const question = granted.validUntilAnswer
    ? definition.form.flatMap((page) => page.fields).find((field) => field.name === granted.validUntilAnswer)
    : undefined;
  const duration = granted.validityMonths ? formatMonths(granted.validityMonths, reader) : null;
  if (question && duration) {
    return reader.t("catalogue.service.validUntilAtMost", {
      question: inLanguage(question.label, reader),
      duration,
    });
  }
  if (question)
    return reader.t("catalogue.service.validUntil", { question: inLanguage(question.label, reader) });
  if (duration) return reader.t("catalogue.service.validFor", { duration });
  return null;
}

/**
 * Everything the public page of a service says, generated from its definition and from the
 * processing time of real cases: nothing on the page is written twice.
 */
export function describeService(
  definition: CaseTypeDefinition,
  processing: ProcessingTime,
  reader: CatalogueReader,
): ServiceDescription {
  const { t } = reader;
  const standardTime = definition.legalTime ? formatLegalTime(definition.legalTime, reader) : null;
  const free = definition.fee.amountMinor === 0 && definition.fee.expressTiers.length === 0;
  return {
    ...summarizeService(definition, reader),
    legalBasis: inLanguage(definition.legalBasis, reader),
    documents: definition.documents.map((document) => ({
      name: inLanguage(document.name, reader),
      hint: document.hint ? inLanguage(document.hint, reader) : null,
      onlyIf: document.requiredWhen
        ? t("catalogue.conditions.onlyIf", {
            condition: conditionInWords(definition, document.requiredWhen, reader),
          })
        : null,
    })),
    fees: free
      ? []
      : [
          {
            option: t("catalogue.service.standardOption"),
            timeLimit: standardTime,
            fee: formatMoney(definition.fee.amountMinor, definition.fee.currency, reader),
          },
          ...definition.fee.expressTiers.map((tier) => ({
            option: inLanguage(tier.name, reader),
            timeLimit: formatLegalTime(tier.legalTime, reader),
            fee: formatMoney(tier.amountMinor, definition.fee.currency, reader),
          })),
        ],
    free,
    legalTime: standardTime,
    decidedOnSubmission: definition.decisionOnSubmission !== undefined,
    pausesForDocuments: Object.values(definition.states).some((state) => state.pausesDeadline),
    actualTime: {
      median: processing.medianDays === null ? null : formatUnit(processing.medianDays, "day", reader, 1),
      decidedCases: processing.decidedCases,
      period: formatUnit(processingTimeWindowDays, "day", reader),
      minimum: minimumDecidedCases,
    },
    validity: validityInWords(definition, reader),
    applyHref: definition.applicants.some((kind) => kind !== "staff") ? `/apply/${definition.code}` : null,
    workflowHref: `/services/${definition.code}/workflow`,
    apiAvailable: definition.applicants.includes("host") || definition.applicants.includes("employer"),
  };
}
