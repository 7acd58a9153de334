import type { FastifyInstance } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { type CodeRequest, indicatorPage } from "../page-support.js";
import { showIndicator } from "./handler.js";

/** /policy/indicators/:code: the series, trajectory, progress and the estimate of each policy change. */
export function registerIndicatorPage(app: FastifyInstance, pages: IndicatorPages): void {
  app.get<{ Params: { code: string } }>(
    "/policy/indicators/:code",
    indicatorPage(pages.guards.requireSignedIn),
    (request: CodeRequest, reply) => showIndicator(pages, request, reply),
  );
}
