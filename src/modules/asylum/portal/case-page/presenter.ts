import type { FastifyRequest } from "fastify";
import { formatDateTime } from "../../../../platform/locale/index.js";
import { applicantStateLabel, attachedDocumentRows, formatLongDate } from "../../../cases/index.js";
import type { OwnAsylumCase } from "../../operations/read-own-asylum-case.js";

const letterLanguages = [
  { code: "az", name: "Azərbaycanca" },
  { code: "en", name: "English" },
  { code: "ru", name: "Русский" },
] as const;

/**
 * What the page shows: never an answer of the form (the special-category ones least of all), never
 * a note or task of the officers; the state in the applicant's words, the appointment, the
 * documents on file and the issued decision with its letters.
 */
export function presentOwnAsylumCase(request: FastifyRequest, own: OwnAsylumCase) {
  const { t, locale } = request;
  const { state, definition, appointment } = own;
  const row = (key: string, text: string) => ({ key: { text: t(key) }, value: { text } });
  const statusPath = `/applications/${state.id}`;
  const issued = state.decision?.issued ? state.decision : null;
  const undecided = state.category === "open" || state.category === "waiting";
  return {
    title: t("asylum.ownCase.title"),
    caption: t("asylum.ownCase.caption", { number: state.number }),
    statusPath,
    rows: [
      row("asylum.ownCase.number", state.number),
      row("asylum.ownCase.state", applicantStateLabel(state, definition, locale, t)),
      ...(state.submittedAt
        ? [row("asylum.ownCase.registered", formatLongDate(state.submittedAt, locale))]
        : []),
    ],
    interview:
      appointment && undecided
        ? {
            rows: [
              row(
                "asylum.ownCase.interview.when",
                formatDateTime(appointment.startsAt, locale, { dateStyle: "full", timeStyle: "short" }),
              ),
              row("asylum.ownCase.interview.place", appointment.place),
              row(
                "asylum.ownCase.interview.interpreter",
                appointment.interpreterLanguage ?? t("asylum.ownCase.interview.noInterpreter"),
              ),
            ],
          }
        : null,
    attached: attachedDocumentRows(request, state, definition),
    decision: issued
      ? {
          outcome:
            definition.outcomes.find((one) => one.code === issued.outcome)?.label[locale] ?? issued.outcome,
          date: state.decidedAt ? formatLongDate(state.decidedAt, locale) : null,
          pageHref: `${statusPath}/decision`,
          letters: letterLanguages.map((language) => ({
            ...language,
            href: `${statusPath}/decision/${language.code}`,
          })),
        }
      : null,
  };
}
