import type { FastifyReply, FastifyRequest } from "fastify";
import { returnOrder } from "../case-types/return-order.js";
import type { ReturnStepInput } from "../operations/move-return-order.js";
import type { ReturnOrderFile } from "../operations/read-return-order.js";

/** A refused step: where its problem is shown and what was typed. */
export interface StepProblem {
  step: string;
  field: string;
  message: string;
  values: ReturnStepInput;
}

type StepField = "reasons" | "comment" | "occurredOn" | "record";

/** What each step asks for besides the button and the answers its transition declares. */
const stepFields: Record<string, StepField[]> = {
  "draft-order": ["reasons"],
  approve: [],
  return: ["comment"],
  notify: [],
};
const outcomeFields: StepField[] = ["occurredOn", "record"];

/** The answers the order's definition declares on a step (a departure: whether assistance was received). */
function declaredAnswers(step: string) {
  return returnOrder.transitions.find((one) => one.name === step)?.answers ?? [];
}

/** The step's fields in the order of its form: the answers it asks come before the written record. */
function fieldsOf(step: string): string[] {
  const fields: string[] = stepFields[step] ?? outcomeFields;
  const asked = declaredAnswers(step).map((answer) => answer.name);
  const at = fields.indexOf("record");
  return at < 0 ? [...fields, ...asked] : [...fields.slice(0, at), ...asked, ...fields.slice(at)];
}

/** The radios of each declared answer, in the page's language, with what was chosen before a refusal. */
function answerFieldsOf(step: string, values: ReturnStepInput, t: FastifyRequest["t"]) {
  return Object.fromEntries(
    declaredAnswers(step).map((answer) => [
      answer.name,
      {
        legend: t(answer.label),
        hint: answer.hint ? t(answer.hint) : null,
        items: answer.choices.map((choice) => ({
          value: choice.value,
          text: t(choice.label),
          checked: values[answer.name as keyof ReturnStepInput] === choice.value,
        })),
      },
    ]),
  );
}

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
      steps: order.steps.map((step) => {
        const values = problem?.step === step ? problem.values : {};
        return {
          name: step,
          label: label(step),
          fields: fieldsOf(step),
          answers: answerFieldsOf(step, values, t),
          values,
          error: problem?.step === step ? { field: problem.field, message: problem.message } : null,
        };
      }),
      errors: problem ? [{ text: problem.message, href: `#${problem.step}-${problem.field}` }] : [],
    });
}
