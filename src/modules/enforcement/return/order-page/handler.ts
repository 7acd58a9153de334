import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import type { CasesModule } from "../../../cases/index.js";
import { moveReturnOrder, type ReturnStep, type ReturnStepInput } from "../operations/move-return-order.js";
import { readReturnOrder } from "../operations/read-return-order.js";
import { returnServices } from "../return-services.js";
import { renderReturnOrder, type StepProblem } from "./presenter.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
type StepRequest = FastifyRequest<{ Params: { id: string; step: string } }>;

function field(body: unknown, name: string): string | undefined {
  const value =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The field an operation's refusal is shown at: a step answer's own (`answers.<name>`), or by its code. */
function fieldOf(error: DomainError): string {
  const answer = error.details?.field;
  if (typeof answer === "string" && answer.startsWith("answers.")) return answer.slice("answers.".length);
  const code = error.code;
  if (code === "outcome_date") return "occurredOn";
  if (code === "outcome_record") return "record";
  if (code === "reasons_required") return "reasons";
  if (code === "comment_required") return "comment";
  return "submit";
}

/** GET /return-orders/:id */
export async function showReturnOrder(cases: CasesModule, request: IdRequest, reply: FastifyReply) {
  const order = await readReturnOrder(returnServices(), cases.contextFor(request), request.params.id);
  return renderReturnOrder(request, reply, order, null);
}

/** POST /return-orders/:id/steps/:step: the step, or the page again with the problem at its field. */
export async function takeReturnStep(cases: CasesModule, request: StepRequest, reply: FastifyReply) {
  const { id, step } = request.params;
  const body = request.body;
  const input: ReturnStepInput = {};
  for (const name of ["reasons", "comment", "occurredOn", "record", "assistanceReceived"] as const) {
    const value = field(body, name);
    if (value !== undefined) input[name] = value;
  }
  const seq = Number(field(body, "expectedSeq"));
  const context = cases.contextFor(request);
  try {
    await moveReturnOrder(
      returnServices(),
      context,
      id,
      Number.isInteger(seq) ? seq : undefined,
      step as ReturnStep,
      input,
    );
    return reply.redirect(`/return-orders/${id}?done=${encodeURIComponent(step)}`, 303);
  } catch (error) {
    if (!(error instanceof DomainError) || (error.status !== 422 && error.status !== 409)) throw error;
    const order = await readReturnOrder(returnServices(), context, id);
    const problem: StepProblem = {
      step,
      field: fieldOf(error),
      message: request.t(error.messageKey, error.messageValues),
      values: input,
    };
    return renderReturnOrder(request, reply.status(error.status), order, problem);
  }
}
