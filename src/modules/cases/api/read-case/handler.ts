import type { FastifyReply, FastifyRequest } from "fastify";
import { requireScopeForCaseType } from "../case-api-scopes.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { caseStatus } from "../case-status.js";
import { readCaseStatus } from "../read-case-status.js";

/** One of the caller's cases, at `/cases/{id}` or, with `typeCode`, at the address naming its type. */
export async function readCaseHandler(
  { cases }: CaseApiDependencies,
  request: FastifyRequest,
  reply: FastifyReply,
  params: { id: string; typeCode?: string },
) {
  const state = await readCaseStatus(
    cases.contextFor(request),
    params.id,
    (definition) => requireScopeForCaseType(cases.db, request, reply, definition, "read"),
    params.typeCode === undefined ? {} : { typeCode: params.typeCode },
  );
  return caseStatus(state);
}
