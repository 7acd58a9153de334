import type { FastifyInstance } from "fastify";
import { registerMergePages } from "./merge/routes.js";
import { registerModelPage } from "./model/routes.js";
import { registerPersonPage } from "./person/routes.js";
import type { RegisterWorkspace } from "./register-workspace.js";
import { registerReviewItemPage } from "./review-item/routes.js";
import { registerReviewQueuePage } from "./review-queue/routes.js";
import { registerPersonSearchPage } from "./search/routes.js";

/**
 * The person register's officer pages: the review queue and its comparisons, the person search,
 * the person page with merge and undo, and the administrators' model estimates.
 */
export function registerPersonRegisterPages(app: FastifyInstance, workspace: RegisterWorkspace): void {
  registerReviewQueuePage(app, workspace);
  registerReviewItemPage(app, workspace);
  registerPersonSearchPage(app, workspace);
  registerPersonPage(app, workspace);
  registerMergePages(app, workspace);
  registerModelPage(app, workspace);
}
