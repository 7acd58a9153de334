import { ConflictError, DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize, type Permission } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import type { CaseState } from "../engine/case-state.js";
import { changeCase } from "../engine/change-case.js";

/**
 * An officer of the agency a task is routed to gives its result (the employment service's
 * labour-market opinion), with the permission the case type names for that task.
 */
export async function completeTask(
  context: CasesContext,
  caseId: string,
  taskId: string,
  result: string,
  comment: string,
): Promise<CaseState> {
  return changeCase(context, caseId, undefined, "case.task_completed", async ({ state, definition, tx }) => {
    const task = state.tasks.find((one) => one.taskId === taskId);
    if (!task) throw new NotFoundError("task_not_found");
    const taskDefinition = definition.tasks.find((one) => one.code === task.code);
    if (!taskDefinition) throw new NotFoundError("task_not_found");
    await authorize(
      { db: tx, principal: context.principal, ip: context.ip, requestId: context.requestId },
      taskDefinition.permission as Permission,
      { entityType: "case_task", entityId: taskId, agencyId: task.agencyId },
      { deferAudit: true },
    );
    if (task.status !== "open") throw new ConflictError("task_closed", "cases.errors.task_closed");
    if (!taskDefinition.results.some((option) => option.value === result)) {
      throw new DomainError("task_result", 422, "cases.errors.task_result");
    }
    return [{ type: "case.task_completed", payload: { taskId, result, comment: comment.trim() } }];
  });
}
