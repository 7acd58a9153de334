import type { FastifyReply } from "fastify";
import { ConflictError, DomainError } from "../../../../platform/errors/index.js";
import { loadEvents } from "../../engine/event-store.js";
import { notifyApplicantOfChange } from "../../notices/notify-applicant-of-change.js";
import { transitionCase } from "../../operations/transition-case.js";
import { applicationPaths } from "../application-steps.js";
import { integerField, textField } from "../case-heading.js";
import { applicantTransition, documentsStillRequested, renderCaseStatus } from "../case-status-view.js";
import { maxMessageLength } from "../messages/form.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";

/** The applicant answers the officer's request for documents once every one has a new upload. */
export async function provideDocumentsHandler(
  services: PortalServices,
  request: PageRequest<typeof caseParams>,
  reply: FastifyReply,
) {
  const { cases } = services;
  const context = cases.contextFor(request);
  const own = await readOwnCase(context, request.params.id, "status");
  const transition = applicantTransition(own.state, own.definition, "provideDocuments");
  if (!transition) throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
  const message = textField(request.body, "documentsMessage").trim().slice(0, maxMessageLength);
  // The engine's guard counts any document of the type; a request is answered by a new one.
  const missing = documentsStillRequested(own.state, await loadEvents(cases.db, own.state.id));
  if (missing.length > 0) {
    const text = request.t("portal.status.errors.uploadRequested");
    return renderCaseStatus(request, reply.status(422), services, {
      ...own,
      errors: [{ text, href: "#upload-file" }],
      errorsByField: { "upload-file": text },
      values: { documentsMessage: message },
    });
  }
  try {
    const expectedSeq = integerField(textField(request.body, "expectedSeq"));
    const provided = await transitionCase(context, own.state.id, expectedSeq, transition.name, { message });
    await notifyApplicantOfChange(services, provided, own.state.lastSeq);
  } catch (error) {
    if (!(error instanceof DomainError) || (error.status !== 409 && error.status !== 422)) throw error;
    const fresh = await readOwnCase(context, own.state.id, "status");
    return renderCaseStatus(request, reply.status(error.status), services, {
      ...fresh,
      errors: [{ text: request.t(error.messageKey) }],
      values: { documentsMessage: message },
    });
  }
  return reply.redirect(`${applicationPaths.status(own.state.id)}?done=documentsSent`, 303);
}
