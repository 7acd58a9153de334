import type { FastifyReply, FastifyRequest } from "fastify";
import { isLocale } from "../../../../platform/http/index.js";
import type { CaseState } from "../../engine/case-state.js";
import { submitApplication } from "../../operations/submit-application.js";
import { sendSubmissionConfirmation } from "../../portal/send-submission-confirmation.js";
import type { ApiRequest } from "../api-request.js";
import { applicationView, withReadableProblems } from "../api-schemas.js";
import { type ApplicationApiDependencies, ownApplication } from "../own-application.js";
import { registeredPersonsOf } from "../registered-persons.js";
import type { submitApplicationSchema } from "./schema.js";

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

export async function submitApplicationHandler(
  dependencies: ApplicationApiDependencies,
  request: ApiRequest<typeof submitApplicationSchema>,
  reply: FastifyReply,
) {
  const { cases } = dependencies;
  const { context, state, definition } = await ownApplication(cases, request, reply, "write");
  const submitted = await withReadableProblems(request, () =>
    submitApplication(context, state.id, {
      expectedSeq: request.body.expectedSeq,
      idempotencyKey: request.headers["idempotency-key"],
    }),
  );
  // Only a repeat with a finished key gets past a case that was no longer a draft.
  const repeated = state.state !== definition.initialState;
  reply.header("location", `/api/v1/cases/${submitted.id}`);
  const registered = await registeredPersonsOf(cases, [submitted.id]);
  const view = {
    ...applicationView(submitted, definition),
    registeredPersons: registered.get(submitted.id) ?? [],
  };
  if (repeated) {
    reply.header("idempotent-replayed", "true");
    return reply.status(200).send(view);
  }
  await confirmSubmission(dependencies, request, submitted);
  return reply.status(201).send(view);
}
