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

type StepField = "reasons" | "comment" | "occurredOn" | "record" | "assistanceReceived";

/** What each step asks for besides the button; a departure also whether assistance was received. */
const stepFields: Record<string, StepField[]> = {
  "draft-order": ["reasons"],
  approve: [],
  return: ["comment"],
  notify: [],
  "record-departure": ["occurredOn", "assistanceReceived", "record"],
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
  const yesNo = (value: unknown) =>
    t(
      value === "yes" || value === true
        ? "returnOrders.page.yes"
        : value === "no" || value === false
          ? "returnOrders.page.no"
          : "returnOrders.page.notAnswered",
    );
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/return/order-page/order.njk", {
      title: t("returnOrders.page.title", { number: order.state.number }),
      locale,
      order,
      done,
      stateText: t(`returnOrders.states.${order.state.state}`),
      standingText: order.standing ? t(`returnOrders.standing.${order.standing}`) : null,
      assistanceOfferedText: yesNo(order.state.answers.assistedReturnOffered),
      outcomes: order.outcomes.map((one) => ({
        ...one,
        text: t(`returnOrders.outcomes.${one.outcome}`),
        assistanceText:
          one.assistanceReceived === null
            ? null
            : `${t("returnOrders.page.assistanceReceivedShort")}: ${yesNo(one.assistanceReceived)}`,
      })),
      yesText: t("returnOrders.page.yes"),
      noText: t("returnOrders.page.no"),
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
