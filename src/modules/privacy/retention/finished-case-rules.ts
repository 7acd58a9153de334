import type { FinishedCaseRule } from "../../cases/index.js";
import type { RetentionRules } from "./retention-rules.js";
import { yearsBefore } from "./retention-services.js";

/** A rule for finished cases with its words for the report and the audit trail. */
export interface NamedFinishedCaseRule extends FinishedCaseRule {
  /** The setting it comes from, e.g. `closedCases.byProcedure.stay-registration=1`. */
  name: string;
  years: number;
}

/**
 * The retention rules for decided and closed cases as of `at`: one per procedure with a period of
 * its own, one for all the others, and one for their uploaded documents when those go earlier.
 */
export function finishedCaseRules(rules: RetentionRules, at: Date): NamedFinishedCaseRule[] {
  const own = Object.entries(rules.closedCases.byProcedure);
  const result: NamedFinishedCaseRule[] = own.map(([typeCode, rule]) => ({
    scope: "case",
    typeCodes: [typeCode],
    endedBefore: yearsBefore(at, rule.anonymiseAfterYears),
    name: `closedCases.byProcedure.${typeCode}`,
    years: rule.anonymiseAfterYears,
  }));
  result.push({
    scope: "case",
    exceptTypeCodes: own.map(([typeCode]) => typeCode),
    endedBefore: yearsBefore(at, rules.closedCases.default.anonymiseAfterYears),
    name: "closedCases.default",
    years: rules.closedCases.default.anonymiseAfterYears,
  });
  const documentYears = rules.documents.removeAfterYears;
  if (documentYears !== null) {
    result.push({
      scope: "documents",
      endedBefore: yearsBefore(at, documentYears),
      name: "documents.removeAfterYears",
      years: documentYears,
    });
  }
  return result;
}
