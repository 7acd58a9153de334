import type { FastifyInstance } from "fastify";
import { registerDetentionApi } from "./detention/api/detention-api-routes.js";
import { registerDetentionPages } from "./detention/routes.js";
import type { EnforcementServices } from "./enforcement-services.js";
import { registerHeldCasesPage } from "./holds/held-cases/routes.js";
import { registerHoldReviewPage } from "./holds/hold-review/routes.js";
import { registerEntriesPage } from "./watchlist/entries/routes.js";
import { registerImportPage } from "./watchlist/import/routes.js";
import { registerNewEntryPage } from "./watchlist/new-entry/routes.js";

/** The watch-list officers' pages and the review of the holds the lists make. */
export async function registerEnforcementRoutes(app: FastifyInstance, services: EnforcementServices) {
  registerEntriesPage(app, services);
  registerNewEntryPage(app, services);
  registerImportPage(app, services);
  registerHeldCasesPage(app, services);
  registerHoldReviewPage(app, services);
  registerDetentionPages(app, services);
  registerDetentionApi(app, services);
}
