import type { FastifyRequest } from "fastify";
import { formatDate, formatDateTime, formatNumber } from "../../../platform/locale/index.js";
import { nameKeys } from "../names/normalise.js";
import type { FieldAgreement } from "../register/scoring.js";
import type { SummaryDocument, WrittenName } from "./person-summaries.js";

/** The matcher's field names, as keys of the translations. */
const fieldKeys: Record<string, string> = {
  "given name": "givenName",
  surname: "surname",
  "date of birth": "birthDate",
  sex: "sex",
  citizenship: "citizenship",
  "document number": "documentNumber",
};

export function fieldLabel(request: FastifyRequest, field: string): string {
  return request.t(`people.register.fields.${fieldKeys[field] ?? "other"}`);
}

/** A field's agreement in words ("equal", "day and month swapped"), never the matcher's code. */
export function agreementWords(request: FastifyRequest, agreement: string): string {
  return request.t(`people.register.agreement.${agreement}`, { defaultValue: agreement });
}

/** A score with its sign, one decimal, in the reader's language. */
export function scoreText(request: FastifyRequest, score: number): string {
  return formatNumber(score, request.locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
}

/** Each field's agreement and weight, one line per field, for a candidate's comparison. */
export function agreementLines(request: FastifyRequest, fields: readonly FieldAgreement[]) {
  return fields.map((one) => ({
    field: fieldLabel(request, one.field),
    agreement: agreementWords(request, one.agreement),
    weight: one.agreement === "missing" ? "—" : scoreText(request, one.weight),
  }));
}

/** A name as written, its script in words, and its Azerbaijani Latin reading when written otherwise. */
export function nameLine(request: FastifyRequest, name: WrittenName) {
  const written = name.fullName ?? [name.givenNames, name.familyName].filter(Boolean).join(" ");
  const keys = nameKeys(written);
  return {
    written,
    script: request.t(`people.register.scripts.${name.script}`, { defaultValue: name.script }),
    reading: name.script === "latin" || keys.latin === written ? null : keys.latin,
  };
}

export function namesText(request: FastifyRequest, names: readonly WrittenName[]): string {
  if (names.length === 0) return "—";
  return names
    .map((name) => {
      const line = nameLine(request, name);
      return `${line.written} (${line.script}${line.reading ? `: ${line.reading}` : ""})`;
    })
    .join("; ");
}

export function sexText(request: FastifyRequest, sex: string | null | undefined): string {
  return sex === "F" || sex === "M" ? request.t(`people.register.sex.${sex}`) : "—";
}

/** A partial birth date as precise as it is known: a year, a month, or a day. */
export function birthDateText(request: FastifyRequest, birthDate: string | null | undefined): string {
  if (!birthDate) return "—";
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return formatDate(birthDate, request.locale);
  return birthDate;
}

export function documentText(request: FastifyRequest, document: SummaryDocument): string {
  const type = request.t(`people.register.documentTypes.${document.type}`, { defaultValue: document.type });
  const state = document.issuingState ? `, ${document.issuingState}` : "";
  return `${type} ${document.number}${state}`;
}

export function documentsText(request: FastifyRequest, documents: readonly SummaryDocument[]): string {
  return documents.length > 0 ? documents.map((one) => documentText(request, one)).join("; ") : "—";
}

export function dateTimeText(request: FastifyRequest, at: Date): string {
  return formatDateTime(at, request.locale);
}
