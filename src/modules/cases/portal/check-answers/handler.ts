import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { isLocale } from "../../../../platform/http/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { submitApplication } from "../../operations/submit-application.js";
import { applicationPaths } from "../application-steps.js";
import { integerField, textField } from "../case-heading.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { sendSubmissionConfirmation } from "../send-submission-confirmation.js";
import { renderCheckPage, submissionProblems } from "./presenter.js";

type CaseRequest = PageRequest<typeof caseParams>;

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

export async function showCheckPage(services: PortalServices, request: CaseRequest, reply: FastifyReply) {
  const context = services.cases.contextFor(request);
  const { state, definition } = await readOwnCase(context, request.params.id, "check-answers");
  if (state.state !== definition.initialState) return reply.redirect(applicationPaths.status(state.id), 303);
  return renderCheckPage(request, reply, services, { state, definition, errors: [] });
}

export async function submitHandler(services: PortalServices, request: CaseRequest, reply: FastifyReply) {
  const context = services.cases.contextFor(request);
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
}
