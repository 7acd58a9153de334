import type { FastifyReply } from "fastify";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { readApplicationSchema } from "./schema.js";

export async function readApplicationHandler(
  { cases }: ApplicationApiDependencies,
  request: ApiRequest<typeof readApplicationSchema>,
  reply: FastifyReply,
) {
  const { state, definition } = await ownApplication(cases, request, reply, "read");
  return applicationView(state, definition);
}
