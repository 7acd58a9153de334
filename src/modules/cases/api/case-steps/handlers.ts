import type { FastifyRequest } from "fastify";
import { ForbiddenError } from "../../../../platform/errors/index.js";
import type { CaseState } from "../../engine/case-state.js";
import type { StaffContext } from "../../workspace/workspace.js";
import type { ApiRequest } from "../api-request.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { caseStatus } from "../case-status.js";
import { readStaffCase } from "./read-staff-case.js";
import type { caseStepSchema, readStaffCaseSchema } from "./schema.js";
import { takeCaseStep } from "./take-case-step.js";

/** Public accounts and their keys never reach a case through the staff API. */
function staffContextOfRequest(dependencies: CaseApiDependencies, request: FastifyRequest): StaffContext {
  if (request.principal?.kind !== "staff") throw new ForbiddenError("staff_only");
  return dependencies.cases.contextFor(request) as StaffContext;
}

const tasksOf = (state: CaseState) =>
  state.tasks.map(({ code, status, agencyId, mandatory }) => ({ code, status, agencyId, mandatory }));

export async function readStaffCaseHandler(
  dependencies: CaseApiDependencies,
  request: ApiRequest<typeof readStaffCaseSchema>,
) {
  const context = staffContextOfRequest(dependencies, request);
  const { state, ...read } = await readStaffCase(dependencies.cases, context, request.params.id);
  return {
    ...caseStatus(state),
    seq: state.lastSeq,
    assignedTo: state.assignedTo,
    tasks: tasksOf(state),
    ...read,
  };
}

export async function caseStepHandler(
  dependencies: CaseApiDependencies,
  request: ApiRequest<typeof caseStepSchema>,
) {
  const context = staffContextOfRequest(dependencies, request);
  const { state, nextSteps } = await takeCaseStep(
    dependencies,
    context,
    request.params.id,
    request.params.transition,
    request.body ?? {},
  );
  return { ...caseStatus(state), seq: state.lastSeq, nextSteps };
}
