import type { FastifyInstance } from "fastify";
import { registerDuplicatePairPage } from "./duplicate-pair/routes.js";
import { registerDuplicateReviewsPage } from "./duplicates/routes.js";
import { registerMergePages } from "./merge/routes.js";
import { registerModelPage } from "./model/routes.js";
import { registerPersonPage } from "./person/routes.js";
import type { RegisterWorkspace } from "./register-workspace.js";
import { registerReviewItemPage } from "./review-item/routes.js";
import { registerReviewQueuePage } from "./review-queue/routes.js";
import { registerPersonSearchPage } from "./search/routes.js";

/**
 * The person register's officer pages: the review queue and its comparisons, the duplicate pairs
 * of batch deduplication, the person search, the person page with merge and undo, and the
 * administrators' model estimates.
 */
export function registerPersonRegisterPages(app: FastifyInstance, workspace: RegisterWorkspace): void {
  registerReviewQueuePage(app, workspace);
  registerReviewItemPage(app, workspace);
  registerDuplicateReviewsPage(app, workspace);
  registerDuplicatePairPage(app, workspace);
  registerPersonSearchPage(app, workspace);
  registerPersonPage(app, workspace);
  registerMergePages(app, workspace);
  registerModelPage(app, workspace);
}
