import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Locale, NotFoundError } from "../../../platform/http/index.js";
import { completeTask } from "../operations/complete-task.js";
import { selectedAnswers } from "./answers-view.js";
import {
  bodyOf,
  type FormErrors,
  freeTextErrorsOf,
  isCaseChanged,
  refusalAsFormErrors,
  type TypedValues,
  typedValuesOf,
} from "./case-forms.js";
import { listTasks } from "./list-tasks.js";
import { findTask } from "./task-repository.js";
import { viewTask } from "./view-task.js";
import type { StaffContext, Workspace } from "./workspace.js";

const views = "cases/views/workspace";
const afterPattern = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/;
type TaskParams = { Params: { taskId: string } };

/** The tasks queue of agencies that receive routed work, and the task page with its result form. */
export async function registerTaskRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const signedIn = { preHandler: workspace.cases.guards.requireSignedIn, schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => workspace.cases.contextFor(request) as StaffContext;

  app.get("/tasks", signedIn, async (request, reply) => {
    const raw = (request.query as { after?: unknown } | undefined)?.after;
    const match = typeof raw === "string" ? afterPattern.exec(raw) : null;
    const after = match?.[1] && match[2] ? { createdAt: match[1], id: match[2] } : null;
    const result = await listTasks(workspace, contextOf(request), after, request.locale as Locale);
    const done = (request.query as { done?: unknown } | undefined)?.done === "completed";
    return reply.render(`${views}/tasks.njk`, {
      title: request.t("workspace.tasks.title"),
      entries: result.entries,
      nextHref: result.next ? `/tasks?after=${encodeURIComponent(result.next)}` : null,
      firstHref: after ? "/tasks" : null,
      done,
    });
  });

  async function renderTask(
    request: FastifyRequest<TaskParams>,
    reply: FastifyReply,
    extras: { status?: number; formErrors?: FormErrors; values?: TypedValues; changed?: boolean } = {},
  ) {
    const locale = request.locale as Locale;
    const file = await viewTask(workspace, contextOf(request), request.params.taskId);
    const { task, taskDefinition, state, definition } = file;
    reply.status(extras.status ?? 200);
    return reply.render(`${views}/task.njk`, {
      title: `${taskDefinition.name[locale]} – ${state.number}`,
      taskId: task.taskId,
      taskName: taskDefinition.name[locale],
      caseNumber: state.number,
      typeName: definition.name[locale],
      createdAt: task.createdAt,
      open: task.status === "open",
      result: taskDefinition.results.find((one) => one.value === task.result)?.label[locale] ?? task.result,
      comment: task.comment,
      completedAt: task.completedAt,
      answers: selectedAnswers(definition, state.answers, taskDefinition.sharedAnswers, locale),
      resultItems: taskDefinition.results.map((one) => ({
        value: one.value,
        text: one.label[locale],
        checked: one.value === extras.values?.result,
      })),
      values: extras.values ?? {},
      errors: extras.formErrors?.errors,
      errorsByField: extras.formErrors?.byField ?? {},
      changed: extras.changed ?? false,
    });
  }

  app.get<TaskParams>("/tasks/:taskId", signedIn, async (request, reply) => renderTask(request, reply));

  app.post<TaskParams>("/tasks/:taskId", signedIn, async (request, reply) => {
    const values = typedValuesOf(bodyOf(request));
    const comment = values.comment ?? "";
    const textErrors = freeTextErrorsOf(values, request, "task");
    if (textErrors) return renderTask(request, reply, { status: 422, values, formErrors: textErrors });
    if (comment.trim().length > 4000) {
      const text = request.t("cases.errors.text_length");
      return renderTask(request, reply, {
        status: 422,
        values,
        formErrors: {
          errors: [{ field: "task-comment", href: "#task-comment", text }],
          byField: { "task-comment": text },
        },
      });
    }
    const task = /^[0-9a-f-]{36}$/.test(request.params.taskId)
      ? await findTask(workspace.cases.db, request.params.taskId)
      : null;
    if (!task) throw new NotFoundError("task_not_found");
    try {
      await completeTask(contextOf(request), task.caseId, task.id, values.result ?? "", comment);
      return reply.redirect("/tasks?done=completed", 303);
    } catch (error) {
      if (isCaseChanged(error)) return renderTask(request, reply, { status: 409, changed: true, values });
      const formErrors = refusalAsFormErrors(error, request, "task");
      return renderTask(request, reply, { status: (error as { status: number }).status, formErrors, values });
    }
  });
}
