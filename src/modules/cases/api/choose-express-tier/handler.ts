import type { FastifyReply } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { chooseExpressTier } from "../../operations/pay-fee.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { chooseExpressTierSchema } from "./schema.js";

export async function chooseExpressTierHandler(
  { cases }: ApplicationApiDependencies,
  request: ApiRequest<typeof chooseExpressTierSchema>,
  reply: FastifyReply,
) {
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  if (definition.fee.expressTiers.length === 0) {
    throw new DomainError("express_tiers_unavailable", 422, "casesApi.errors.express_tiers_unavailable");
  }
  const chosen = await chooseExpressTier(context, state.id, request.body.tier);
  return applicationView(chosen, definition);
}
