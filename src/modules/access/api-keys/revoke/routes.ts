import type { FastifyInstance } from "fastify";
import { withIdParams } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { ownKeysPage } from "../page-options.js";
import { revokeKey, showRevokeQuestion } from "./handler.js";

/** /account/api-keys/:id/revoke: the question, then the key refused from the next request on. */
export function registerRevokeApiKeyPage(app: FastifyInstance, access: AccessModule): void {
  const options = withIdParams(ownKeysPage(access));
  app.get("/account/api-keys/:id/revoke", options, (request, reply) =>
    showRevokeQuestion(access, request, reply),
  );
  app.post("/account/api-keys/:id/revoke", options, (request, reply) => revokeKey(access, request, reply));
}
