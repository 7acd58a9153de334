import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../../platform/errors/index.js";
import { type FieldError, type Locale, parseForm } from "../../../../../platform/http/index.js";
import { typedValues } from "../../../strategies/pages/form-fields.js";
import type { PolicyStrategiesModule } from "../../../strategies/strategies-module.js";
import { answerComment } from "../../operations/answer-comment.js";
import { moderateComment } from "../../operations/moderate-comment.js";
import { readModerationQueue } from "../../operations/moderation-queue.js";
import { lastDayOf, rejectionReasons } from "../../records.js";
import { answerForm, moderationForm } from "../form-fields.js";
import { staffViews } from "./open-page.js";

type Ids = { Params: { id: string; commentId?: string } };

interface QueueState {
  /** The comment whose form was refused, with what was typed in it. */
  commentId?: string;
  values: Record<string, string>;
  errors: FieldError[];
  byField: Record<string, string>;
}

export async function renderModerationPage(
  module: PolicyStrategiesModule,
  request: FastifyRequest<Ids>,
  reply: FastifyReply,
  state: QueueState,
) {
  const { t } = request;
  const queue = await readModerationQueue(module.contextFor(request), request.params.id);
  const done = (request.query as Record<string, unknown> | undefined)?.done;
  return reply.header("cache-control", "private, no-store").render(`${staffViews}/moderation.njk`, {
    title: queue.consultation.title[request.locale as Locale],
    ...queue,
    lastDay: lastDayOf(queue.consultation),
    done: typeof done === "string" && /^[a-z]+$/.test(done) ? done : "",
    reasonItems: (commentId: string) => [
      { value: "", text: t("policyConsultation.staff.chooseReason") },
      ...rejectionReasons.map((reason) => ({
        value: reason,
        text: t(`policyConsultation.reasons.${reason}`),
        selected: state.commentId === commentId && state.values.reason === reason,
      })),
    ],
    state,
    errors: state.errors,
  });
}

/** Publishing, rejecting or answering one comment: refusals come back at that comment's form. */
export async function submitCommentForm(
  module: PolicyStrategiesModule,
  request: FastifyRequest<Ids>,
  reply: FastifyReply,
  kind: "moderation" | "answer",
) {
  const { id, commentId = "" } = request.params;
  const values = typedValues(request.body, ["outcome", "reason", "note", "answer"]);
  const fail = (errors: FieldError[], byField: Record<string, string>, status: number) =>
    renderModerationPage(module, request, reply.status(status), {
      commentId,
      values,
      byField,
      // Each comment has its own form: the summary points at this comment's field.
      errors: errors.map((error) => ({ ...error, href: `#${error.field}-${commentId}` })),
    });
  const form =
    kind === "answer"
      ? parseForm(answerForm, values, request.t)
      : parseForm(moderationForm, values, request.t);
  if (!form.ok) return fail(form.errors, form.byField, 422);
  const context = module.contextFor(request);
  try {
    if ("answer" in form.data) await answerComment(context, id, commentId, form.data.answer);
    else if (form.data.outcome === "publish")
      await moderateComment(context, id, commentId, { outcome: "publish" });
    else
      await moderateComment(context, id, commentId, {
        outcome: "reject",
        reason: form.data.reason,
        note: form.data.note,
      });
  } catch (error) {
    if (!(error instanceof DomainError) || error.status !== 409) throw error;
    const text = request.t(error.messageKey);
    const field = kind === "answer" ? "answer" : "outcome";
    return fail([{ field, href: "", text }], { [field]: text }, 409);
  }
  const done = kind === "answer" ? "answered" : values.outcome === "publish" ? "published" : "rejected";
  return reply.redirect(`/policy/consultations/${id}?done=${done}#comment-${commentId}`, 303);
}
