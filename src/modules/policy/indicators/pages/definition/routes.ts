import type { FastifyInstance } from "fastify";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { type CodeRequest, indicatorPage, staffPage } from "../page-support.js";
import { changeFromForm, defineFromForm, showDefinitionForm, showEmptyDefinitionForm } from "./handler.js";

/** /policy/indicators/new and /policy/indicators/:code/edit: the definition form of policy officers. */
export function registerDefinitionPages(app: FastifyInstance, pages: IndicatorPages): void {
  const guard = pages.guards.requirePermission("policy.manage");
  app.get("/policy/indicators/new", staffPage(guard), (request, reply) =>
    showEmptyDefinitionForm(pages, request, reply),
  );
  app.post("/policy/indicators/new", staffPage(guard), (request, reply) =>
    defineFromForm(pages, request, reply),
  );
  app.get<{ Params: { code: string } }>(
    "/policy/indicators/:code/edit",
    indicatorPage(guard),
    (request: CodeRequest, reply) => showDefinitionForm(pages, request, reply),
  );
  app.post<{ Params: { code: string } }>(
    "/policy/indicators/:code/edit",
    indicatorPage(guard),
    (request: CodeRequest, reply) => changeFromForm(pages, request, reply),
  );
}
