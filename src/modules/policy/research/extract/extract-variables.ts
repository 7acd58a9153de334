import type { StatisticalRecord } from "../../../statistics/index.js";

/**
 * The whitelist of statistical-record fields a researcher may ask for. None names a person or
 * carries a document number; the person appears only as a pseudonym keyed per request.
 *
 * Quasi-identifiers are the fields that, combined, could single a person out (when, where from,
 * sex, age, where): they are generalised and rare combinations suppressed. The other fields are
 * what the research studies (the procedure and its outcome).
 */
export const quasiIdentifiers = ["month", "citizenship", "sex", "ageBand", "region"] as const;
export const attributes = [
  "kind",
  "caseType",
  "outcome",
  "instance",
  "permitReason",
  "withdrawn",
  "unaccompanied",
] as const;
export const extractVariables = [...quasiIdentifiers, ...attributes] as const;

export type QuasiIdentifier = (typeof quasiIdentifiers)[number];
export type ExtractVariable = (typeof extractVariables)[number];

export function isExtractVariable(value: string): value is ExtractVariable {
  return (extractVariables as readonly string[]).includes(value);
}

export function isQuasiIdentifier(variable: ExtractVariable): variable is QuasiIdentifier {
  return (quasiIdentifiers as readonly string[]).includes(variable);
}

/** The variables in the whitelist's order, each once (what is stored and what the CSV's columns follow). */
export function orderedVariables(chosen: readonly string[]): ExtractVariable[] {
  return extractVariables.filter((variable) => chosen.includes(variable));
}

/** An attribute's value as the extract writes it (flags as 0/1, missing as empty). */
export function attributeValue(record: StatisticalRecord, variable: (typeof attributes)[number]): string {
  switch (variable) {
    case "kind":
      return record.kind;
    case "caseType":
      return record.caseType;
    case "outcome":
      return record.outcome ?? "";
    case "instance":
      return record.instance ?? "";
    case "permitReason":
      return record.reason ?? "";
    case "withdrawn":
      return record.withdrawn ? "1" : "0";
    case "unaccompanied":
      return record.unaccompanied ? "1" : "0";
  }
}
