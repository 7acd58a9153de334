import type { FastifyReply } from "fastify";
import { NotFoundError } from "../../../../platform/errors/index.js";
import { startApplication } from "../../operations/start-application.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { requireScopeForCaseType } from "../case-api-scopes.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import type { startApplicationSchema } from "./schema.js";

export async function startApplicationHandler(
  { cases }: ApplicationApiDependencies,
  request: ApiRequest<typeof startApplicationSchema>,
  reply: FastifyReply,
) {
  const definition = cases.registry.latest(request.body.typeCode);
  if (!definition) throw new NotFoundError("unknown_case_type");
  await requireScopeForCaseType(cases.db, request, reply, definition, "write");
  const state = await startApplication(cases.contextFor(request), definition.code);
  reply.header("location", `/api/v1/applications/${state.id}`);
  return reply.status(201).send(applicationView(state, definition));
}
