import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReturnStepInput } from "../operations/move-return-order.js";
import type { ReturnOrderFile } from "../operations/read-return-order.js";

/** A refused step: where its problem is shown and what was typed. */
export interface StepProblem {
  step: string;
  field: string;
  message: string;
  values: ReturnStepInput;
}

/** What each step asks for besides the button. */
const stepFields: Record<string, Array<"reasons" | "comment" | "occurredOn" | "record">> = {
  "draft-order": ["reasons"],
  approve: [],
  return: ["comment"],
  notify: [],
};
const outcomeFields = ["occurredOn", "record"] as const;

/** The order's page: its state, departure deadline, entry ban and outcomes, and a form per step open now. */
export function renderReturnOrder(
  request: FastifyRequest,
  reply: FastifyReply,
  order: ReturnOrderFile,
  problem: StepProblem | null,
) {
  const { t, locale } = request;
  const done = typeof (request.query as Record<string, unknown>)?.done === "string";
  const label = (step: string) => t(`returnOrders.steps.${step}`);
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/return/order-page/order.njk", {
      title: t("returnOrders.page.title", { number: order.state.number }),
      locale,
      order,
      done,
      stateText: t(`returnOrders.states.${order.state.state}`),
      standingText: order.standing ? t(`returnOrders.standing.${order.standing}`) : null,
      outcomes: order.outcomes.map((one) => ({ ...one, text: t(`returnOrders.outcomes.${one.outcome}`) })),
      steps: order.steps.map((step) => ({
        name: step,
        label: label(step),
        fields: stepFields[step] ?? outcomeFields,
        values: problem?.step === step ? problem.values : {},
        error: problem?.step === step ? { field: problem.field, message: problem.message } : null,
      })),
      errors: problem ? [{ text: problem.message, href: `#${problem.step}-${problem.field}` }] : [],
    });
}
