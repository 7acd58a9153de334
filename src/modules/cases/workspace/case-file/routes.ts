import type { FastifyInstance } from "fastify";
import { type CaseParams, caseParams, staffPageWithIds } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { type CasePageParams, casePageParams } from "./form.js";
import { showCaseFilePage, showCaseOverview } from "./handler.js";

/** The case file: its overview and its other pages (documents, tasks, history, notes, related). */
export async function registerCaseFilePages(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const guard = workspace.cases.guards.requirePermission("cases.read");
  app.get<CaseParams>(
    "/cases/:id",
    staffPageWithIds(guard, { schema: caseParams, notFoundCode: "case_not_found" }),
    (request, reply) => showCaseOverview(workspace, request, reply),
  );
  app.get<CasePageParams>(
    "/cases/:id/:page",
    staffPageWithIds(guard, { schema: casePageParams, notFoundCode: "case_not_found" }),
    (request, reply) => showCaseFilePage(workspace, request, reply),
  );
}
