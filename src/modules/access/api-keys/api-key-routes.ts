import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerApiDocs } from "./api-docs.js";
import { registerApiKeyListPage } from "./list/routes.js";
import { registerMeApi } from "./me/routes.js";
import { registerNewApiKeyPage } from "./new-key/routes.js";
import { registerRevokeApiKeyPage } from "./revoke/routes.js";

/** The owner's API key pages, the caller's own description, and the API reference. */
export async function registerApiKeyRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerApiKeyListPage(app, access);
  registerNewApiKeyPage(app, access);
  registerRevokeApiKeyPage(app, access);
  registerMeApi(app, access);
  await registerApiDocs(app);
}
