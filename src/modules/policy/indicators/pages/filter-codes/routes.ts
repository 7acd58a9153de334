import type { FastifyInstance } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { staffPage } from "../page-support.js";
import { showFilterCodes } from "./handler.js";

/**
 * /policy/indicator-filter-codes?series=processing: the codes the definition form's script offers
 * for a series' filter, as JSON (outside /policy/indicators/, where every name is an indicator's).
 */
export function registerFilterCodes(app: FastifyInstance, pages: IndicatorPages): void {
  app.get(
    "/policy/indicator-filter-codes",
    staffPage(pages.guards.requirePermission("policy.manage")),
    (request, reply) => showFilterCodes(pages, request, reply),
  );
}
