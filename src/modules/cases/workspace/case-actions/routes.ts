import type { FastifyInstance } from "fastify";
import { type CaseParams, caseParams, staffPageWithIds } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { assignFromForm } from "./assign-handler.js";
import { claimFromForm } from "./claim-handler.js";
import {
  type RepresentativeParams,
  representativeParams,
  type TransitionParams,
  transitionParams,
} from "./form.js";
import { messageFromForm } from "./message-handler.js";
import { addNoteFromForm } from "./note-handler.js";
import { addRepresentativeFromForm, endRepresentationFromForm } from "./representative-handler.js";
import { transitionFromForm } from "./transition-handler.js";

/** The forms of the case file: claim, assign, the workflow's actions, notes, messages, representatives. */
export async function registerCaseActions(app: FastifyInstance, workspace: Workspace): Promise<void> {
  // Each change checks the permission it needs on the case itself; reading it comes first.
  const guard = workspace.cases.guards.requirePermission("cases.read");
  const onCase = staffPageWithIds(guard, { schema: caseParams, notFoundCode: "case_not_found" });
  const onTransition = staffPageWithIds(guard, { schema: transitionParams, notFoundCode: "case_not_found" });
  app.post<CaseParams>("/cases/:id/claim", onCase, (request, reply) =>
    claimFromForm(workspace, request, reply),
  );
  app.post<CaseParams>("/cases/:id/assign", onCase, (request, reply) =>
    assignFromForm(workspace, request, reply),
  );
  app.post<TransitionParams>("/cases/:id/actions/:transition", onTransition, (request, reply) =>
    transitionFromForm(workspace, request, reply),
  );
  app.post<CaseParams>("/cases/:id/notes", onCase, (request, reply) =>
    addNoteFromForm(workspace, request, reply),
  );
  app.post<CaseParams>("/cases/:id/messages", onCase, (request, reply) =>
    messageFromForm(workspace, request, reply),
  );
  app.post<CaseParams>("/cases/:id/representatives", onCase, (request, reply) =>
    addRepresentativeFromForm(workspace, request, reply),
  );
  const onRepresentative = staffPageWithIds(guard, {
    schema: representativeParams,
    notFoundCode: "representative_not_found",
  });
  app.post<RepresentativeParams>(
    "/cases/:id/representatives/:representativeId/end",
    onRepresentative,
    (request, reply) => endRepresentationFromForm(workspace, request, reply),
  );
}
