import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { ownKeysPage } from "../page-options.js";
import { showApiKeyList } from "./handler.js";

/** /account/api-keys: the owner's keys, with their scopes and status. */
export function registerApiKeyListPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/account/api-keys", ownKeysPage(access), (request, reply) =>
    showApiKeyList(access, request, reply),
  );
}
