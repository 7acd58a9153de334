import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, isLocale } from "../../../platform/http/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { submitApplication } from "../operations/submit-application.js";
import { formatLongDate } from "./answer-summary.js";
import { applicationPaths } from "./application-steps.js";
import { integerField, legalTimeText, textField } from "./case-heading.js";
import { documentLanguages } from "./case-status-view.js";
import { renderCheckPage, submissionProblems } from "./check-answers-view.js";
import { isDecidedOnSubmission } from "./issued-document-name.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";
import { sendSubmissionConfirmation } from "./send-submission-confirmation.js";

const views = "cases/views/portal";

type CaseParams = { Params: { id: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** What the receipt of a registration made on submission shows: the confirmation's particulars. */
function registrationRows(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const t = request.t;
  const locale = request.locale;
  const decision = state.decision;
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  return [
    row("portal.status.type", definition.name[locale]),
    ...(state.submittedAt
      ? [row("portal.receipt.registeredOn", formatLongDate(state.submittedAt, locale))]
      : []),
    ...(decision?.documentNumber ? [row("portal.receipt.confirmationNumber", decision.documentNumber)] : []),
    ...(decision?.validTo ? [row("portal.pdf.validTo", formatLongDate(decision.validTo, locale))] : []),
  ];
}

/** E-mails the applicant that the application is in, in the language of their account. */
async function confirmSubmission(
  request: FastifyRequest,
  services: PortalServices,
  submitted: CaseState,
  definition: CaseTypeDefinition,
): Promise<void> {
  const principal = request.principal;
  if (!principal) return;
  const locale = isLocale(principal.locale) ? principal.locale : request.locale;
  try {
    await sendSubmissionConfirmation({
      mailer: services.cases.mailer,
      publicUrl: services.cases.config.publicUrl,
      recipient: { email: principal.email, fullName: principal.fullName, locale },
      t: services.i18n.t(locale),
      state: submitted,
      definition,
    });
  } catch (error) {
    // The application is in: a lost confirmation must not look like a failed submission.
    request.log.error({ err: error, caseId: submitted.id }, "submission confirmation not sent");
  }
}

/** "Check your answers", the submission and its receipt. */
export async function registerSubmissionRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases } = services;
  const page = { preHandler: guard, schema: { hide: true } };
  const limited = (max: number) => ({ ...page, config: { rateLimit: { max, timeWindow: "1 minute" } } });

  app.get<CaseParams>("/applications/:id/check", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(
      cases.contextFor(request),
      request.params.id,
      "check-answers",
    );
    if (state.state !== definition.initialState)
      return reply.redirect(applicationPaths.status(state.id), 303);
    return renderCheckPage(request, reply, services, { state, definition, errors: [] });
  });

  app.post<CaseParams>("/applications/:id/submit", limited(20), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state: before, definition } = await readOwnCase(context, request.params.id, "submit");
    // Already submitted (a repeated click after the first finished): the receipt again, no new e-mail.
    if (before.state !== definition.initialState)
      return reply.redirect(applicationPaths.receipt(before.id), 303);
    const idempotencyKey = textField(request.body, "idempotencyKey");
    if (!idempotencyKey || idempotencyKey.length > 200) {
      throw new DomainError("idempotency_key_invalid", 400, "cases.errors.idempotency_key_invalid");
    }
    let submitted: CaseState;
    try {
      submitted = await submitApplication(context, before.id, {
        expectedSeq: integerField((request.body as Record<string, unknown>).expectedSeq),
        idempotencyKey,
      });
    } catch (error) {
      const problems = submissionProblems(request, definition, before, error);
      if (problems === "in_flight") return reply.redirect(applicationPaths.receipt(before.id), 303);
      const fresh = await readOwnCase(context, before.id, "check-answers");
      return renderCheckPage(request, reply.status(422), services, { ...fresh, errors: problems });
    }
    await confirmSubmission(request, services, submitted, definition);
    return reply.redirect(applicationPaths.receipt(submitted.id), 303);
  });

  app.get<CaseParams>("/applications/:id/receipt", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(cases.contextFor(request), request.params.id, "receipt");
    if (state.state === definition.initialState) return reply.redirect(applicationPaths.check(state.id), 303);
    const locale = request.locale;
    // A registration made on submission: the receipt is the confirmation, ready to download.
    const registered = isDecidedOnSubmission(definition) && state.decision?.issued === true;
    return reply.render(`${views}/receipt.njk`, {
      title: request.t(registered ? "portal.receipt.registeredTitle" : "portal.receipt.title"),
      caseId: state.id,
      number: state.number,
      typeName: definition.name[locale],
      submitted: state.submittedAt ? formatLongDate(state.submittedAt, locale) : undefined,
      deadline: state.deadlineDate ? formatLongDate(state.deadlineDate, locale) : undefined,
      legalTime: legalTimeText(request, definition),
      email: request.principal?.email,
      registration: registered
        ? {
            rows: registrationRows(request, state, definition),
            downloads: documentLanguages.map((language) => ({
              ...language,
              href: `${applicationPaths.status(state.id)}/permit/${language.code}`,
            })),
          }
        : undefined,
    });
  });
}
