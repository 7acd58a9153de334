import type { FastifyInstance } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { staffPage } from "../page-support.js";
import { showIndicatorList } from "./handler.js";

/** /policy/indicators: every indicator, searched by code or name. */
export function registerIndicatorListPage(app: FastifyInstance, pages: IndicatorPages): void {
  app.get("/policy/indicators", staffPage(pages.guards.requireSignedIn), (request, reply) =>
    showIndicatorList(pages, request, reply),
  );
}
