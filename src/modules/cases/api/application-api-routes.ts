import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError, isLocale, NotFoundError } from "../../../platform/http/index.js";
import type { CaseState } from "../engine/case-state.js";
import { chooseExpressTier } from "../operations/pay-fee.js";
import { saveAnswers } from "../operations/save-answers.js";
import { startApplication } from "../operations/start-application.js";
import { submitApplication } from "../operations/submit-application.js";
import { sendSubmissionConfirmation } from "../portal/send-submission-confirmation.js";
import {
  applicationRoute,
  applicationSchema,
  applicationView,
  caseParams,
  errorResponses,
  expectedSeq,
  limits,
  rateLimited,
  readableProblems,
  withReadableProblems,
} from "./api-schemas.js";
import { registerApplicationDocumentApi } from "./application-document-api.js";
import { registerApplicationFollowUpApi } from "./application-follow-up-api.js";
import { registerApplicationPaymentApi } from "./application-payment-api.js";
import { requireScopeForCaseType } from "./case-api-scopes.js";
import { type ApplicationApiDependencies, ownApplication } from "./own-application.js";

const whoMayCall =
  "An employer's system calls it with an API key holding the case type's write scope (`work-permits:write`); " +
  "a signed-in applicant calls it from their browser with their session (and the CSRF token in an " +
  "`x-csrf-token` header). Another account's application answers 404.";

/**
 * The JSON API of an application step by step, as the portal's pages do it: start a draft, save
 * the answers page by page, attach documents, choose express processing, pay, submit; then answer
 * a request for documents, write to the officer and download the decision. For API keys and
 * sessions alike: the CSRF check is skipped for key requests only (by the platform), and every
 * operation checks that the case is the caller's own.
 */
export async function registerApplicationApiRoutes(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): Promise<void> {
  const { cases } = dependencies;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = cases.guards.requireSignedIn;

  api.post(
    "/api/v1/applications",
    {
      schema: {
        ...applicationRoute,
        summary: "Start an application",
        description:
          "Starts a draft application of this case type, owned by the caller. Fill it in with the other " +
          `\`/api/v1/applications/{id}\` endpoints, then submit it. ${whoMayCall} ${limits}`,
        body: z
          .object({
            typeCode: z
              .string()
              .regex(/^[a-z][a-z0-9-]*$/)
              .describe("Case type code, e.g. `work-permit`"),
          })
          .strict(),
        response: { 201: applicationSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const definition = cases.registry.latest(request.body.typeCode);
      if (!definition) throw new NotFoundError("unknown_case_type");
      await requireScopeForCaseType(cases.db, request, reply, definition, "write");
      const state = await startApplication(cases.contextFor(request), definition.code);
      reply.header("location", `/api/v1/applications/${state.id}`);
      return reply.status(201).send(applicationView(state, definition));
    },
  );

  api.get(
    "/api/v1/applications/:id",
    {
      schema: {
        ...applicationRoute,
        summary: "Read an application",
        description:
          "The application with its answers, documents, fee and `seq` (the version to send as `expectedSeq`). " +
          `Needs the type's read or write scope. ${whoMayCall} ${limits}`,
        params: caseParams,
        response: { 200: applicationSchema, ...errorResponses },
      },
      config: rateLimited,
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const { state, definition } = await ownApplication(cases, request, reply, request.params.id, "read");
      return applicationView(state, definition);
    },
  );

  api.put(
    "/api/v1/applications/:id/answers/:pageId",
    {
      schema: {
        ...applicationRoute,
        summary: "Save one page of answers",
        description:
          "Saves the answers to one page of the case type's form (see its definition on `/services/{code}`), " +
          "checked exactly as on the portal: 422 `answers_invalid` lists a problem per question. Questions " +
          "of other pages are refused; questions that do not apply are dropped. A stale `expectedSeq` " +
          `answers 409 \`case_changed\`. ${whoMayCall} ${limits}`,
        params: caseParams.extend({
          pageId: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/)
            .describe("Page id of the form"),
        }),
        body: z
          .object({
            answers: z
              .record(z.string(), z.unknown())
              .describe(
                "Answers by question name: text as strings, dates as YYYY-MM-DD, countries as ISO 3166-1 " +
                  "alpha-2 codes, an address as { street, city, region, postcode } with region empty or a " +
                  "code of the region list (ISO 3166-2:AZ, e.g. AZ-BA).",
              ),
            expectedSeq,
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
      const page = definition.form.find((one) => one.id === request.params.pageId);
      if (!page) throw new DomainError("unknown_page", 404, "casesApi.errors.unknown_page");
      const onPage = new Set(page.fields.map((field) => field.name));
      const strangers = Object.keys(request.body.answers).filter((field) => !onPage.has(field));
      if (strangers.length > 0) {
        throw readableProblems(
          request,
          strangers.map((field) => ({ field, messageKey: "casesApi.answers.notOnPage" })),
        );
      }
      const saved = await withReadableProblems(request, () =>
        saveAnswers(context, state.id, request.body.expectedSeq, page.id, request.body.answers),
      );
      return applicationView(saved, definition);
    },
  );

  api.post(
    "/api/v1/applications/:id/express-tier",
    {
      schema: {
        ...applicationRoute,
        summary: "Choose standard or express processing",
        description:
          "For case types with express tiers (`fee.expressTiers`): a tier code, or null for standard " +
          "processing. The fee due follows the choice; it cannot change once the fee is paid (409 " +
          `\`fee_settled\`). ${whoMayCall} ${limits}`,
        params: caseParams,
        body: z
          .object({ tier: z.string().max(100).nullable().describe("Express tier code, or null") })
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
      if (definition.fee.expressTiers.length === 0) {
        throw new DomainError("express_tiers_unavailable", 422, "casesApi.errors.express_tiers_unavailable");
      }
      const chosen = await chooseExpressTier(context, state.id, request.body.tier);
      return applicationView(chosen, definition);
    },
  );

  api.post(
    "/api/v1/applications/:id/submit",
    {
      schema: {
        ...applicationRoute,
        summary: "Submit an application",
        description:
          "Submits the draft: every answer complete, every required document attached (422 " +
          "`documents_missing` with `details.missing`), the fee paid (422 `fee_unpaid`). A retry with the " +
          "same `Idempotency-Key` submits nothing new and answers 200 with the application as it is now. " +
          `The legal processing time runs from today. ${whoMayCall} ${limits}`,
        params: caseParams,
        headers: z.looseObject({
          "idempotency-key": z
            .string()
            .min(1)
            .max(200)
            .describe("Any unique string (a UUID) per intended submission"),
        }),
        body: z.object({ expectedSeq }).strict(),
        response: { 200: applicationSchema, 201: applicationSchema, ...errorResponses },
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
      const submitted = await withReadableProblems(request, () =>
        submitApplication(context, state.id, {
          expectedSeq: request.body.expectedSeq,
          idempotencyKey: request.headers["idempotency-key"],
        }),
      );
      // Only a repeat with a finished key gets past a case that was no longer a draft.
      const repeated = state.state !== definition.initialState;
      reply.header("location", `/api/v1/cases/${submitted.id}`);
      if (repeated) {
        reply.header("idempotent-replayed", "true");
        return reply.status(200).send(applicationView(submitted, definition));
      }
      await confirmSubmission(dependencies, request, submitted);
      return reply.status(201).send(applicationView(submitted, definition));
    },
  );

  await registerApplicationDocumentApi(app, dependencies);
  await registerApplicationPaymentApi(app, dependencies);
  await registerApplicationFollowUpApi(app, dependencies);
}

/** The same confirmation e-mail as a submission on the portal, to the account that submitted. */
async function confirmSubmission(
  { cases, i18n }: ApplicationApiDependencies,
  request: FastifyRequest,
  state: CaseState,
): Promise<void> {
  const principal = request.principal;
  if (!principal) return;
  const locale = isLocale(principal.locale) ? principal.locale : request.locale;
  try {
    await sendSubmissionConfirmation({
      mailer: cases.mailer,
      publicUrl: cases.config.publicUrl,
      recipient: { email: principal.email, fullName: principal.fullName, locale },
      t: i18n.t(locale),
      state,
      definition: cases.registry.get(state.typeCode, state.typeVersion),
    });
  } catch (error) {
    // The application is in: a lost confirmation must not look like a failed submission.
    request.log.error({ err: error, caseId: state.id }, "submission confirmation not sent");
  }
}
