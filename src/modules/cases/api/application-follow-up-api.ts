import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ConflictError, DomainError, isLocale, type Locale } from "../../../platform/http/index.js";
import { accountRateLimits, countForAccount } from "../account-rate-limits.js";
import { loadEvents } from "../engine/event-store.js";
import { notifyApplicantOfChange } from "../notices/notify-applicant-of-change.js";
import { messagesOpen, sendMessage } from "../operations/add-note.js";
import { transitionCase } from "../operations/transition-case.js";
import { applicantTransition, documentsStillRequested } from "../portal/case-status-view.js";
import { sendIssuedDocument } from "../portal/send-issued-document.js";
import {
  applicationRoute,
  applicationSchema,
  applicationView,
  caseParams,
  errorResponses,
  expectedSeq,
  limits,
  rateLimited,
} from "./api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "./own-application.js";

/** Messages are between 1 and 4000 characters (the engine's rule), counted after trimming. */
const maxMessageLength = 4000;

const languageQuery = z.object({
  language: z
    .enum(["az", "en", "ru"])
    .optional()
    .describe("Language of the document; the language of the request when left out"),
});

/** After submission: answering a request for documents, messages, the decision and permit as PDF. */
export async function registerApplicationFollowUpApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): Promise<void> {
  const { cases } = dependencies;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = cases.guards.requireSignedIn;

  api.post(
    "/api/v1/applications/:id/provide-documents",
    {
      schema: {
        ...applicationRoute,
        summary: "Send the documents the officer asked for",
        description:
          "When the case waits for documents (`requestedDocuments`), attach a new copy of each with " +
          "`POST .../documents`, then call this to hand them in: the case goes back to the officer and the " +
          "legal clock runs again. 422 `requested_documents_missing` (with `details.missing`) while one is " +
          `not uploaded yet; 409 \`transition_not_allowed\` when nothing was asked for. ${limits}`,
        params: caseParams,
        body: z
          .object({
            expectedSeq,
            message: z.string().max(maxMessageLength).optional().describe("A note to the officer"),
          })
          .strict(),
        response: { 200: applicationSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { context, state, definition } = await ownApplication(
        cases,
        request,
        reply,
        request.params.id,
        "write",
      );
      const transition = applicantTransition(state, definition, "provideDocuments");
      if (!transition)
        throw new ConflictError("transition_not_allowed", "cases.errors.transition_not_allowed");
      // The engine's guard counts any document of the type; a request is answered by a new one.
      const missing = documentsStillRequested(state, await loadEvents(cases.db, state.id));
      if (missing.length > 0) {
        throw new DomainError(
          "requested_documents_missing",
          422,
          "casesApi.errors.requested_documents_missing",
          { missing },
        );
      }
      const provided = await transitionCase(context, state.id, request.body.expectedSeq, transition.name, {
        message: request.body.message?.trim() ?? "",
      });
      await notifyApplicantOfChange(dependencies, provided, state.lastSeq);
      return applicationView(provided, definition);
    },
  );

  api.post(
    "/api/v1/applications/:id/messages",
    {
      schema: {
        ...applicationRoute,
        summary: "Write to the officer",
        description:
          "A message to the officer handling the submitted case, shown to both on the case. Not before " +
          "submission nor once the case is decided or closed (409 `messages_closed`). Each account may send " +
          `${accountRateLimits.applicantMessages.max} messages in ${accountRateLimits.applicantMessages.windowSeconds / 60} ` +
          `minutes (then 429 \`too_many_messages\` with \`Retry-After\`). ${limits}`,
        params: caseParams,
        body: z
          .object({ message: z.string().trim().min(1).max(maxMessageLength).describe("The message") })
          .strict(),
        response: { 201: applicationSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { context, state, definition } = await ownApplication(
        cases,
        request,
        reply,
        request.params.id,
        "write",
      );
      if (!messagesOpen(state, definition)) {
        throw new ConflictError("messages_closed", "casesApi.errors.messages_closed");
      }
      await countForAccount(cases, request, accountRateLimits.applicantMessages);
      const sent = await sendMessage(context, state.id, request.body.message);
      return reply.status(201).send(applicationView(sent, definition));
    },
  );

  async function decisionDocument(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { caseId: string; language: Locale | undefined; kind: "decision" | "permit" },
  ) {
    const { kind } = input;
    const language = input.language ?? (isLocale(request.locale) ? request.locale : "az");
    const { state, definition } = await ownApplication(cases, request, reply, input.caseId, "read");
    return sendIssuedDocument(reply, {
      kind,
      state,
      definition,
      language,
      t: dependencies.i18n.t(language),
      db: cases.db,
      applicantName: request.principal?.fullName ?? "",
      documents: dependencies.documents,
      seal: cases.seal,
      publicUrl: cases.config.publicUrl,
    });
  }

  for (const kind of ["decision", "permit"] as const) {
    api.get(
      `/api/v1/applications/:id/${kind}.pdf`,
      {
        schema: {
          ...applicationRoute,
          summary: kind === "decision" ? "Download the decision letter" : "Download the permit",
          description:
            (kind === "decision"
              ? "The decision letter (PDF, as an attachment) once the decision is issued; 404 before. "
              : "The permit or certificate (PDF, as an attachment) a positive decision issued, with its QR " +
                "verification code; 404 when none was issued. ") +
            `Needs the type's read or write scope. ${limits}`,
          produces: ["application/pdf"],
          params: caseParams,
          querystring: languageQuery,
          response: errorResponses,
        },
        config: rateLimited,
        preHandler: [signedIn],
      },
      (request, reply) =>
        decisionDocument(request, reply, {
          caseId: request.params.id,
          language: request.query.language,
          kind,
        }),
    );
  }
}
