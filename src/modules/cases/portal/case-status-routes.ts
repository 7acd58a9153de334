import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ConflictError,
  checkText,
  DomainError,
  isLocale,
  NotFoundError,
} from "../../../platform/http/index.js";
import { RateLimitedError } from "../../../platform/rate-limits/index.js";
import { accountRateLimits, countForAccount, tellRetryAfter } from "../account-rate-limits.js";
import { loadEvents } from "../engine/event-store.js";
import { notifyApplicantOfChange } from "../notices/notify-applicant-of-change.js";
import { messagesOpen, sendMessage } from "../operations/add-note.js";
import { transitionCase } from "../operations/transition-case.js";
import { applicationPaths } from "./application-steps.js";
import { caseCaption, integerField, textField } from "./case-heading.js";
import { applicantTransition, documentsStillRequested, renderCaseStatus } from "./case-status-view.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";
import { sendIssuedDocument } from "./send-issued-document.js";

const views = "cases/views/portal";

type CaseParams = { Params: { id: string } };
type DocumentParams = { Params: { id: string; language: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** Messages are between 1 and 4000 characters (the engine's rule), counted after trimming. */
const maxMessageLength = 4000;

const messageProblemKeys = {
  notText: "portal.status.errors.messageRequired",
  empty: "portal.status.errors.messageRequired",
  invisibleOnly: "portal.status.errors.messageRequired",
  hiddenCharacters: "portal.status.errors.messageHidden",
  tooLong: "portal.status.errors.messageTooLong",
} as const;

/** The free-text rules every text input follows, with the message form's own wording. */
function messageProblem(message: string): string | undefined {
  const checked = checkText(message, { maxLength: maxMessageLength, multiline: true });
  if (checked.problem !== undefined) return messageProblemKeys[checked.problem];
  // The engine counts UTF-16 units, so a text of many emoji is measured the same way here.
  return message.length > maxMessageLength ? messageProblemKeys.tooLong : undefined;
}

/** The case page, messages, answering a request for documents, withdrawal, decision documents. */
export async function registerCaseStatusRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases } = services;
  const page = { preHandler: guard, schema: { hide: true } };
  const limited = (max: number) => ({ ...page, config: { rateLimit: { max, timeWindow: "1 minute" } } });

  app.get<CaseParams>("/applications/:id", page, async (request, reply) => {
    const own = await readOwnCase(cases.contextFor(request), request.params.id, "status");
    return renderCaseStatus(request, reply, services, own);
  });

  app.post<CaseParams>("/applications/:id/messages", limited(20), async (request, reply) => {
    const context = cases.contextFor(request);
    const own = await readOwnCase(context, request.params.id, "status");
    const message = textField(request.body, "message").trim();
    const showAgain = (status: number, text: string) =>
      renderCaseStatus(request, reply.status(status), services, {
        ...own,
        errors: [{ text, href: "#message" }],
        errorsByField: { message: text },
        values: { message },
      });
    const problem = messagesOpen(own.state, own.definition)
      ? messageProblem(message)
      : "portal.status.errors.messagesClosed";
    if (problem) return showAgain(422, request.t(problem));
    try {
      await countForAccount(cases, request, accountRateLimits.applicantMessages);
      await sendMessage(context, own.state.id, message);
    } catch (error) {
      if (error instanceof RateLimitedError) {
        tellRetryAfter(reply, error);
        return showAgain(429, request.t(error.messageKey, error.messageValues));
      }
      // Decided or closed between reading the page and sending.
      if (error instanceof DomainError && error.code === "messages_closed")
        return showAgain(409, request.t("portal.status.errors.messagesClosed"));
      throw error;
    }
    return reply.redirect(`${applicationPaths.status(own.state.id)}?done=messageSent`, 303);
  });

  app.post<CaseParams>("/applications/:id/provide-documents", limited(20), async (request, reply) => {
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
      const provided = await transitionCase(
        context,
        own.state.id,
        integerField(textField(request.body, "expectedSeq")),
        transition.name,
        {
          message,
        },
      );
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
  });

  app.get<CaseParams>("/applications/:id/withdraw", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(cases.contextFor(request), request.params.id, "withdraw");
    if (!applicantTransition(state, definition, "withdraw")) {
      return reply.redirect(applicationPaths.status(state.id), 303);
    }
    return reply.render(`${views}/withdraw.njk`, {
      title: request.t("portal.withdraw.title"),
      caption: caseCaption(request, state, definition),
      caseId: state.id,
      number: state.number,
      expectedSeq: state.lastSeq,
    });
  });

  app.post<CaseParams>("/applications/:id/withdraw", limited(10), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state, definition } = await readOwnCase(context, request.params.id, "withdraw");
    const transition = applicantTransition(state, definition, "withdraw");
    if (!transition) throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
    await transitionCase(
      context,
      state.id,
      integerField(textField(request.body, "expectedSeq")),
      transition.name,
    );
    return reply.redirect(`${applicationPaths.status(state.id)}?done=withdrawn`, 303);
  });

  async function decisionDocument(
    request: FastifyRequest<DocumentParams>,
    reply: FastifyReply,
    kind: "decision" | "permit",
  ) {
    const language = request.params.language;
    if (!isLocale(language)) throw new NotFoundError();
    const { state, definition } = await readOwnCase(
      cases.contextFor(request),
      request.params.id,
      `${kind}-pdf`,
    );
    return sendIssuedDocument(reply, {
      kind,
      state,
      definition,
      language,
      t: services.i18n.t(language),
      db: cases.db,
      applicantName: request.principal?.fullName ?? "",
      documents: services.documents,
      seal: cases.seal,
      publicUrl: cases.config.publicUrl,
    });
  }

  app.get<DocumentParams>("/applications/:id/decision/:language", limited(30), (request, reply) =>
    decisionDocument(request, reply, "decision"),
  );
  app.get<DocumentParams>("/applications/:id/permit/:language", limited(30), (request, reply) =>
    decisionDocument(request, reply, "permit"),
  );
}
