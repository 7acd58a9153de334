import type { FastifyReply } from "fastify";
import { ConflictError, DomainError } from "../../../../platform/errors/index.js";
import { loadEvents } from "../../engine/event-store.js";
import { notifyApplicantOfChange } from "../../notices/notify-applicant-of-change.js";
import { transitionCase } from "../../operations/transition-case.js";
import { applicantTransition, documentsStillRequested } from "../../portal/case-status-view.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import type { provideDocumentsSchema } from "./schema.js";

export async function provideDocumentsHandler(
  dependencies: ApplicationApiDependencies,
  request: ApiRequest<typeof provideDocumentsSchema>,
  reply: FastifyReply,
) {
  const { cases } = dependencies;
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  const transition = applicantTransition(state, definition, "provideDocuments");
  if (!transition) throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
  // The engine's guard counts any document of the type; a request is answered by a new one.
  const missing = documentsStillRequested(state, await loadEvents(cases.db, state.id));
  if (missing.length > 0) {
    throw new DomainError("requested_documents_missing", 422, "casesApi.errors.requested_documents_missing", {
      missing,
    });
  }
  const provided = await transitionCase(context, state.id, request.body.expectedSeq, transition.name, {
    message: request.body.message?.trim() ?? "",
  });
  await notifyApplicantOfChange(dependencies, provided, state.lastSeq);
  return applicationView(provided, definition);
}
