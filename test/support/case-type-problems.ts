import { CaseTypeRegistry } from "../../src/modules/cases/definition/registry.js";
import type { CaseTypeInput } from "../../src/modules/cases/index.js";

/** What loading the definition refuses, as its error says it; "" when it loads. */
export function caseTypeProblems(definition: CaseTypeInput): string {
  try {
    new CaseTypeRegistry([definition]);
    return "";
  } catch (error) {
    return String(error);
  }
}
