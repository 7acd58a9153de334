import type { FastifyInstance } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { type CodeRequest, indicatorPage } from "../page-support.js";
import { enterFromForm, showValueForm } from "./handler.js";

/** /policy/indicators/:code/values: a focal point of the responsible agency enters a month's value. */
export function registerValueEntryPage(app: FastifyInstance, pages: IndicatorPages): void {
  const options = indicatorPage(pages.guards.requirePermission("policy.report"));
  app.get<{ Params: { code: string } }>(
    "/policy/indicators/:code/values",
    options,
    (request: CodeRequest, reply) => showValueForm(pages, request, reply),
  );
  app.post<{ Params: { code: string } }>(
    "/policy/indicators/:code/values",
    options,
    (request: CodeRequest, reply) => enterFromForm(pages, request, reply),
  );
}
