import type { FastifyInstance } from "fastify";
import { registerApplicationPages } from "./pages/applications/routes.js";
import { registerLibraryPages } from "./pages/library/routes.js";
import { registerLibraryEditorPages } from "./pages/library-editor/routes.js";
import { registerReviewPages } from "./pages/reviews/routes.js";
import type { ResearchServices } from "./research-services.js";

/**
 * The research pages: the public library (`/research`), its editing by policy officers, the
 * researchers' applications for microdata with their one download, and the data protection
 * officer's review.
 */
export function registerResearchPages(app: FastifyInstance, services: ResearchServices): void {
  registerLibraryEditorPages(app, services);
  registerLibraryPages(app, services);
  registerApplicationPages(app, services);
  registerReviewPages(app, services);
}
