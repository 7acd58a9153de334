import type { Locale, Translator } from "../../../platform/http/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";

/**
 * Whether the applicant is told only that the case needs a manual check: a watch-list hold not
 * released and no decision yet. The applicant never learns of a watch list, nor whether an
 * officer confirmed the hit; the state's own label could say more (a held registration's
 * state is "registered" before it is).
 */
export function awaitsManualCheck(state: Pick<CaseState, "hold" | "decision">): boolean {
  return state.hold !== null && state.hold.status !== "released" && !state.decision?.issued;
}

/** The state of a case in the applicant's words. */
export function applicantStateLabel(
  state: Pick<CaseState, "state" | "hold" | "decision">,
  definition: CaseTypeDefinition,
  locale: Locale,
  t: Translator,
): string {
  if (awaitsManualCheck(state)) return t("portal.status.manualCheck");
  return definition.states[state.state]?.label[locale] ?? state.state;
}
