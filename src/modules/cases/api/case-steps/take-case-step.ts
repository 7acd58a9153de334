import { DomainError } from "../../../../platform/errors/index.js";
import { checkStepAnswers } from "../../definition/step-answers.js";
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
 * `transition_on_actions_page` when the module supplied none. The answers the step asks are checked
 * against the transition's declaration before anything runs. Once committed, the applicant and those following
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
    answers?: Record<string, unknown> | undefined;
    /** Deprecated alias of `answers.assistanceReceived`, kept for clients written before `answers`. */
    assistanceReceived?: string | undefined;
  },
) {
  const { state: before, definition } = await loadCaseForStaff(services, context, caseId);
  const transition = definition.transitions.find((one) => one.name === transitionName);
  if (!transition) {
    throw new DomainError("unknown_transition", 422, "caseStepsApi.errors.unknown_transition");
  }
  const { expectedSeq, record, answers, assistanceReceived, ...step } = input;
  const stepAnswers = checkStepAnswers(transition.answers, withAlias(answers ?? {}, assistanceReceived));
  const sinceSeq = expectedSeq ?? before.lastSeq;
  const moduleStep = definition.actionsPage ? services.moduleSteps?.get(definition.code) : undefined;
  // A type without its own page declares no step answers (the definition refuses them), so the
  // engine's own step has none to record.
  const state = moduleStep
    ? await moduleStep(context, caseId, sinceSeq, transitionName, {
        reasons: step.reasons,
        comment: step.comment,
        occurredOn: step.occurredOn,
        record,
        answers: stepAnswers,
      })
    : await transitionCase(context, caseId, sinceSeq, transitionName, step);
  await notifyApplicantOfChange(services, state, sinceSeq);
  return { state, nextSteps: nextStepsOf(state, definition, context) };
}

/** The top-level `assistanceReceived` of older clients, read as `answers.assistanceReceived`. */
function withAlias(answers: Record<string, unknown>, assistanceReceived: string | undefined) {
  if (assistanceReceived === undefined) return answers;
  const given = answers.assistanceReceived;
  if (given !== undefined && given !== assistanceReceived) {
    throw new DomainError(
      "step_answer_conflict",
      422,
      "caseStepsApi.errors.step_answer_conflict",
      { field: "answers.assistanceReceived" },
      { answer: "assistanceReceived" },
    );
  }
  return { ...answers, assistanceReceived };
}
