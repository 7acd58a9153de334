import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { ownKeysPage } from "../page-options.js";
import { createKeyFromForm, showNewKeyForm } from "./handler.js";

/** /account/api-keys/new: the form, then the new key shown once. */
export function registerNewApiKeyPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/account/api-keys/new", ownKeysPage(access), showNewKeyForm);
  app.post("/account/api-keys/new", ownKeysPage(access), (request, reply) =>
    createKeyFromForm(access, request, reply),
  );
}
