import { isLocale, type Locale } from "../../../platform/http/index.js";
import type { ConsultationContext } from "./consultation-access.js";
import type { Consultation, ConsultationComment } from "./records.js";

/** Where the public reads a consultation, in a language. */
export function consultationPath(id: string): string {
  return `/consultations/${id}`;
}

async function send(
  context: ConsultationContext,
  to: { email: string | null; locale: string },
  id: string,
  key: string,
  variables: (locale: Locale) => Record<string, string>,
): Promise<void> {
  // The retention rule removed the address: nobody is left to tell.
  if (to.email === null) return;
  const locale = isLocale(to.locale) ? to.locale : "az";
  const t = context.i18n.t(locale);
  const values = variables(locale);
  await context.mailer.send({
    id,
    to: to.email,
    subject: t(`policyConsultation.mail.${key}.subject`, values),
    text: `${[t("notices.greeting"), t(`policyConsultation.mail.${key}.body`, values), t("notices.signature")].join("\n\n")}\n`,
  });
}

/**
 * The link that moves a comment into moderation, in the language the comment was written in.
 * The token is in the link only: the database keeps its hash.
 */
export function mailVerificationLink(
  context: ConsultationContext,
  consultation: Consultation,
  comment: Pick<ConsultationComment, "id" | "email" | "locale">,
  token: string,
): Promise<void> {
  return send(context, comment, `consultation-${comment.id}-verify`, "verify", (locale) => ({
    title: consultation.title[locale],
    link: `${context.config.publicUrl}${consultationPath(consultation.id)}/verify?token=${token}&lang=${locale}`,
  }));
}

/** Tells the commenter that their comment was published, rejected (with the reason) or answered. */
export function mailModeration(
  context: ConsultationContext,
  consultation: Consultation,
  comment: ConsultationComment,
  outcome: "published" | "rejected" | "answered",
): Promise<void> {
  // An answer corrected later is told again: the message id carries when it was given.
  const stamp = outcome === "answered" ? `-${Date.parse(comment.answeredAt ?? "")}` : "";
  return send(context, comment, `consultation-${comment.id}-${outcome}${stamp}`, outcome, (locale) => {
    const t = context.i18n.t(locale);
    return {
      title: consultation.title[locale],
      link: `${context.config.publicUrl}${consultationPath(consultation.id)}?lang=${locale}#comment-${comment.id}`,
      reason: comment.rejectionReason ? t(`policyConsultation.reasons.${comment.rejectionReason}`) : "",
      note: comment.rejectionNote ?? "",
    };
  });
}
