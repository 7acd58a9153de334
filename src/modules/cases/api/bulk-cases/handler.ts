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
import type { bulkCasesSchema } from "./schema.js";

export async function bulkCasesHandler(
  { cases, i18n }: CaseApiDependencies,
  request: ApiRequest<ReturnType<typeof bulkCasesSchema>>,
  reply: FastifyReply,
  typeCode: string,
) {
  const definition = cases.registry.latest(typeCode);
  if (!definition) throw new NotFoundError("unknown_case_type");
  await requireScopeForCaseType(cases.db, request, reply, definition, "write");
  const created = await withReadableProblems(
    request,
    () =>
      createSubmittedCases(
        cases.contextFor(request),
        definition.code,
        request.body.items.map((item) => item.answers),
        { idempotencyKey: request.headers["idempotency-key"] },
      ),
    { batch: true },
  );
  if (created.repeated) reply.header("idempotent-replayed", "true");
  else await notifyOfManualChecks({ cases, i18n }, created.cases);
  const registered = await registeredPersonsOfCreated(cases, created);
  return reply.status(created.repeated ? 200 : 201).send({
    cases: created.cases.map((state) => ({
      ...caseStatus(state),
      registeredPersons: registered.get(state.id) ?? [],
    })),
  });
}
