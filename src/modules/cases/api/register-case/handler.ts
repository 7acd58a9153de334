import type { FastifyReply } from "fastify";
import { ForbiddenError, NotFoundError } from "../../../../platform/errors/index.js";
import { createSubmittedCases } from "../../operations/create-submitted-cases.js";
import type { ApiRequest } from "../api-request.js";
import { withReadableProblems } from "../api-schemas.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { caseStatus } from "../case-status.js";
import type { registerCaseSchema } from "./schema.js";

export async function registerCaseHandler(
  { cases }: CaseApiDependencies,
  request: ApiRequest<ReturnType<typeof registerCaseSchema>>,
  reply: FastifyReply,
) {
  const definition = cases.registry.latest(request.params.typeCode);
  if (!definition?.applicants.includes("staff")) throw new NotFoundError("unknown_case_type");
  // Public accounts and their API keys never register for someone else.
  if (request.principal?.kind !== "staff") throw new ForbiddenError("staff_only");
  const created = await withReadableProblems(request, () =>
    createSubmittedCases(cases.contextFor(request), definition.code, [request.body.answers], {
      idempotencyKey: request.headers["idempotency-key"],
    }),
  );
  const state = created.cases[0];
  if (!state) throw new Error("no case registered");
  reply.header("location", `/cases/${state.id}`);
  if (created.repeated) reply.header("idempotent-replayed", "true");
  return reply.status(created.repeated ? 200 : 201).send(caseStatus(state));
}
