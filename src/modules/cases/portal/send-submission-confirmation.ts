import type { Locale, Translator } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { formatLongDate } from "./answer-summary.js";
import { awaitsManualCheck } from "./applicant-state-label.js";
import { applicationPaths } from "./application-steps.js";
import { isDecidedOnSubmission } from "./issued-document-name.js";

/**
 * Tells the applicant, in their own language, that the application arrived: its number, the day
 * it counts from and the legal deadline. The message id is the case's, so a repeated submission
 * (a double click) does not write a second message.
 */
export async function sendSubmissionConfirmation(input: {
  mailer: Mailer;
  publicUrl: string;
  recipient: { email: string; fullName: string; locale: Locale };
  t: Translator;
  state: CaseState;
  definition: CaseTypeDefinition;
}): Promise<void> {
  const { state, definition, recipient, t } = input;
  const locale = recipient.locale;
  // Like every notice, the mail names the case, never the person: mailboxes are not ours to protect.
  const variables = {
    number: state.number,
    type: definition.name[locale],
    submitted: state.submittedAt ? formatLongDate(state.submittedAt, locale) : "",
    deadline: state.deadlineDate ? formatLongDate(state.deadlineDate, locale) : "",
    link: `${input.publicUrl}${applicationPaths.status(state.id)}?lang=${locale}`,
  };
  // A registration made on submission is not "received" and waiting: it is done.
  const registered = isDecidedOnSubmission(definition) && state.decision?.issued === true;
  // A held case: received, and a manual check is all the applicant is told.
  const paragraphs = awaitsManualCheck(state)
    ? [
        t("portal.mail.submitted.greeting", variables),
        t("portal.mail.submitted.manualCheck", variables),
        t("portal.mail.submitted.signature"),
      ]
    : registered
      ? [
          t("portal.mail.submitted.greeting", variables),
          t("portal.mail.submitted.registered", variables),
          t("portal.mail.submitted.signature"),
        ]
      : [
          t("portal.mail.submitted.greeting", variables),
          t("portal.mail.submitted.received", variables),
          state.deadlineDate
            ? t("portal.mail.submitted.deadline", variables)
            : t("portal.mail.submitted.noDeadline"),
          t("portal.mail.submitted.next", variables),
          t("portal.mail.submitted.signature"),
        ];
  await input.mailer.send({
    id: `case-submitted-${state.id}`,
    to: recipient.email,
    subject: t(
      registered ? "portal.mail.submitted.registeredSubject" : "portal.mail.submitted.subject",
      variables,
    ),
    text: `${paragraphs.join("\n\n")}\n`,
  });
}
