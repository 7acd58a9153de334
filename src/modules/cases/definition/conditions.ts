import type { Condition } from "./case-type.js";

/** Decides a condition over the applicant's answers (conditional questions, required documents). */
export function conditionHolds(condition: Condition | undefined, answers: Record<string, unknown>): boolean {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((one) => conditionHolds(one, answers));
  if ("any" in condition) return condition.any.some((one) => conditionHolds(one, answers));
  if ("not" in condition) return !conditionHolds(condition.not, answers);
  const value = answers[condition.field];
  if ("equals" in condition) return value === condition.equals;
  return typeof value === "string" && condition.in.includes(value);
}
