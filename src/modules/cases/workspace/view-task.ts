import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize, type Permission, recordAudit } from "../../access/index.js";
import { authorizeCaseType, restrictedAnswers, withoutRestrictedAnswers } from "../case-type-access.js";
import type { CaseTypeDefinition, TaskDefinition } from "../definition/case-type.js";
import type { CaseState, CaseTask } from "../engine/case-state.js";
import { loadCaseState } from "../engine/projection-repository.js";
import { isUuid } from "./ids.js";
import { findTask } from "./task-repository.js";
import { originOf, type StaffContext, type Workspace } from "./workspace.js";

export interface TaskFile {
  task: CaseTask;
  taskDefinition: TaskDefinition;
  /** The case, for the task page to show only what the task shares (`sharedAnswers`). */
  state: CaseState;
  definition: CaseTypeDefinition;
}

/**
 * Opens a routed task for an officer of the agency it was routed to, holding the permission the
 * case type names for it. The page shows only the answers the task shares; reading them is a
 * read of personal data, so it is audited (`case_task.viewed`).
 */
export async function viewTask(
  workspace: Workspace,
  context: StaffContext,
  taskId: string,
): Promise<TaskFile> {
  const row = isUuid(taskId) ? await findTask(context.db, taskId) : null;
  const state = row ? await loadCaseState(context.db, row.caseId) : null;
  const task = state?.tasks.find((one) => one.taskId === taskId);
  if (!state || !task) throw new NotFoundError("task_not_found");
  const definition = workspace.cases.registry.get(state.typeCode, state.typeVersion);
  const taskDefinition = definition.tasks.find((one) => one.code === task.code);
  if (!taskDefinition) throw new NotFoundError("task_not_found");
  await authorize(originOf(context), taskDefinition.permission as Permission, {
    entityType: "case_task",
    entityId: task.taskId,
    agencyId: task.agencyId,
  });
  await authorizeCaseType(context, state, definition);
  await recordAudit(context.db, {
    actor: { type: "user", id: context.principal.userId },
    action: "case_task.viewed",
    outcome: "success",
    entityType: "case_task",
    entityId: task.taskId,
    agencyId: task.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: { case: state.id },
  });
  // A task shares what its definition names, never a special-category answer its doer may not read.
  const restricted = restrictedAnswers(context.principal, definition);
  const shared = { ...state, answers: withoutRestrictedAnswers(state.answers, restricted) };
  return { task, taskDefinition, state: shared, definition };
}
