import type { FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { Locale } from "../../../../platform/http/index.js";
import { completeTask } from "../../operations/complete-task.js";
import {
  bodyOf,
  type FormErrors,
  isCaseChanged,
  refusalAsFormErrors,
  type TypedValues,
  typedValuesOf,
} from "../case-forms.js";
import { findTask } from "../task-repository.js";
import { viewTask } from "../view-task.js";
import { staffContextOf, type Workspace } from "../workspace.js";
import { type TaskParams, taskFormErrorsOf } from "./form.js";
import { presentTask } from "./presenter.js";

interface TaskExtras {
  status?: number;
  formErrors?: FormErrors;
  values?: TypedValues;
  changed?: boolean;
}

export async function showTask(
  workspace: Workspace,
  request: FastifyRequest<TaskParams>,
  reply: FastifyReply,
) {
  return renderTask(workspace, request, reply);
}

/** The task's result: back to the tasks queue when it is recorded, else the page with what was typed. */
export async function completeTaskFromForm(
  workspace: Workspace,
  request: FastifyRequest<TaskParams>,
  reply: FastifyReply,
) {
  const values = typedValuesOf(bodyOf(request));
  const formErrors = taskFormErrorsOf(values, request);
  if (formErrors) return renderTask(workspace, request, reply, { status: 422, values, formErrors });
  const task = await findTask(workspace.cases.db, request.params.taskId);
  if (!task) throw new NotFoundError("task_not_found");
  const context = staffContextOf(workspace, request);
  try {
    await completeTask(context, task.caseId, task.id, values.result ?? "", values.comment ?? "");
    return reply.redirect("/tasks?done=completed", 303);
  } catch (error) {
    if (isCaseChanged(error))
      return renderTask(workspace, request, reply, { status: 409, changed: true, values });
    const refused = refusalAsFormErrors(error, request, "task");
    const status = (error as { status: number }).status;
    return renderTask(workspace, request, reply, { status, formErrors: refused, values });
  }
}

async function renderTask(
  workspace: Workspace,
  request: FastifyRequest<TaskParams>,
  reply: FastifyReply,
  extras: TaskExtras = {},
) {
  const file = await viewTask(workspace, staffContextOf(workspace, request), request.params.taskId);
  reply.status(extras.status ?? 200);
  return reply.render("cases/workspace/task/task.njk", {
    ...presentTask(file, request.locale as Locale, extras.values ?? {}),
    errors: extras.formErrors?.errors,
    errorsByField: extras.formErrors?.byField ?? {},
    changed: extras.changed ?? false,
  });
}
