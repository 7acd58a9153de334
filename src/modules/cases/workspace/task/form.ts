import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { type FormErrors, freeTextErrorsOf, type TypedValues } from "../case-forms.js";
import { uuid } from "../ids.js";

/** The address of a routed task. */
export const taskParams = z.object({ taskId: uuid });
export type TaskParams = { Params: z.output<typeof taskParams> };

const commentMaxLength = 4000;

/** What is wrong with the task's result form as typed, or null. */
export function taskFormErrorsOf(values: TypedValues, request: FastifyRequest): FormErrors | null {
  const textErrors = freeTextErrorsOf(values, request, "task");
  if (textErrors) return textErrors;
  if ((values.comment ?? "").trim().length <= commentMaxLength) return null;
  const text = request.t("cases.errors.text_length");
  return {
    errors: [{ field: "task-comment", href: "#task-comment", text }],
    byField: { "task-comment": text },
  };
}
