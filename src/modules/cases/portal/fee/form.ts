import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { draftProgress } from "../application-steps.js";
import type { PortalServices } from "../portal-services.js";

/** The value of the "standard processing" choice (express tiers use their codes). */
export const standardTier = "standard";

/**
 * A draft that may go to payment: every answer given and checked ("check your answers" comes
 * first). Missing documents do not stop the payment, but the pages before it say which they are.
 */
export function answersChecked(
  services: PortalServices,
  state: CaseState,
  definition: CaseTypeDefinition,
): boolean {
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  return state.state === definition.initialState && draftProgress(definition, state, today).answered;
}
