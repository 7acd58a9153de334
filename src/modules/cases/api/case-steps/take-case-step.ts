import { DomainError } from "../../../../platform/errors/index.js";
import { notifyApplicantOfChange } from "../../notices/notify-applicant-of-change.js";
import { type TransitionInput, transitionCase } from "../../operations/transition-case.js";
import { loadCaseForStaff } from "../../workspace/view-case-file.js";
import type { StaffContext } from "../../workspace/workspace.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { nextStepsOf } from "./read-staff-case.js";

/**
 * An officer moves a case on through the API, as the workspace's case file does (`actOnCase`): the
 * engine checks who may take the step, its guards (a decision's approver is not its drafter) and
 * the version of the case; a step of a type whose module owns its steps (`actionsPage`) goes
 * through that module's operation (`moduleSteps`), or is refused with 409
 * `transition_on_actions_page` when the module supplied none. Once committed, the applicant and those following
 * the case are told when the step changes what they must do or can expect.
 */
export async function takeCaseStep(
  services: CaseApiDependencies,
  context: StaffContext,
  caseId: string,
  transitionName: string,
  input: TransitionInput & {
    expectedSeq?: number | undefined;
    record?: string | undefined;
    assistanceReceived?: "yes" | "no" | undefined;
  },
) {
  const { state: before, definition } = await loadCaseForStaff(services, context, caseId);
  if (!definition.transitions.some((transition) => transition.name === transitionName)) {
    throw new DomainError("unknown_transition", 422, "caseStepsApi.errors.unknown_transition");
  }
  const { expectedSeq, record, assistanceReceived, ...step } = input;
  const sinceSeq = expectedSeq ?? before.lastSeq;
  const moduleStep = definition.actionsPage ? services.moduleSteps?.get(definition.code) : undefined;
  const state = moduleStep
    ? await moduleStep(context, caseId, sinceSeq, transitionName, {
        reasons: step.reasons,
        comment: step.comment,
        occurredOn: step.occurredOn,
        record,
        assistanceReceived,
      })
    : await transitionCase(context, caseId, sinceSeq, transitionName, {
        ...step,
        // Only a module's step records answers: the engine refuses them here (422 `step_answers`).
        ...(assistanceReceived === undefined ? {} : { stepAnswers: { assistanceReceived } }),
      });
  await notifyApplicantOfChange(services, state, sinceSeq);
  return { state, nextSteps: nextStepsOf(state, definition, context) };
}
