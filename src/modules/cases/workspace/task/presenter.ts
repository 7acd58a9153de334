import type { Locale } from "../../../../platform/http/index.js";
import { selectedAnswers } from "../answers-view.js";
import type { TypedValues } from "../case-forms.js";
import type { TaskFile } from "../view-task.js";

/** The task page: the task, the answers it shares, and its result form (open tasks only). */
export function presentTask(file: TaskFile, locale: Locale, values: TypedValues) {
  const { task, taskDefinition, state, definition } = file;
  return {
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
      checked: one.value === values.result,
    })),
    values,
  };
}
