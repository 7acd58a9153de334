import type { FastifyReply } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { notifyOfManualChecks } from "../../notices/notify-manual-checks.js";
import { createSubmittedCases } from "../../operations/create-submitted-cases.js";
import type { ApiRequest } from "../api-request.js";
import { withReadableProblems } from "../api-schemas.js";
import { requireScopeForCaseType } from "../case-api-scopes.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { caseStatus } from "../case-status.js";
import { registeredPersonsOfCreated } from "../registered-persons.js";
import type { createCaseSchema } from "./schema.js";

export async function createCaseHandler(
  { cases, i18n }: CaseApiDependencies,
  request: ApiRequest<ReturnType<typeof createCaseSchema>>,
  reply: FastifyReply,
) {
  const definition = cases.registry.latest(request.params.typeCode);
  if (!definition) throw new NotFoundError("unknown_case_type");
  await requireScopeForCaseType(cases.db, request, reply, definition, "write");
  const created = await withReadableProblems(request, () =>
    createSubmittedCases(cases.contextFor(request), definition.code, [request.body.answers], {
      idempotencyKey: request.headers["idempotency-key"],
    }),
  );
  const state = created.cases[0];
  if (!state) throw new Error("no case created");
  reply.header("location", `/api/v1/cases/${state.id}`);
  if (created.repeated) reply.header("idempotent-replayed", "true");
  else await notifyOfManualChecks({ cases, i18n }, created.cases);
  const registered = await registeredPersonsOfCreated(cases, created);
  return reply
    .status(created.repeated ? 200 : 201)
    .send({ ...caseStatus(state), registeredPersons: registered.get(state.id) ?? [] });
}
