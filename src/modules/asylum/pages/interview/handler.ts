import type { FastifyReply, FastifyRequest } from "fastify";
import { countryProfile } from "../../../../platform/country/index.js";
import { DomainError } from "../../../../platform/errors/index.js";
import { formatDateTime } from "../../../../platform/locale/index.js";
import type { CaseState, CasesModule, NoticeServices } from "../../../cases/index.js";
import { mailApplicantNotice } from "../../../cases/index.js";
import type { InterviewAppointment } from "../../operations/interview-repository.js";
import { readInterviewForOfficer, scheduleInterview } from "../../operations/schedule-interview.js";
import { ownAsylumCasePath } from "../../portal/case-page/routes.js";
import { fieldOfCode, interviewForm, interviewInput } from "./form.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** The appointment's day and time as the form shows them, on the country's wall clock. */
function formValues(appointment: InterviewAppointment | null, state: CaseState): Record<string, string> {
  const language =
    typeof state.answers.interpreterLanguage === "string" ? state.answers.interpreterLanguage : "";
  if (!appointment) return { interpreterLanguage: state.answers.interpreterNeeded === "yes" ? language : "" };
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: countryProfile().timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(appointment.startsAt);
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? "";
  return {
    "day-day": part("day"),
    "day-month": part("month"),
    "day-year": part("year"),
    time: `${part("hour")}:${part("minute")}`,
    place: appointment.place,
    interpreterLanguage: appointment.interpreterLanguage ?? "",
  };
}

function render(
  request: IdRequest,
  reply: FastifyReply,
  view: { state: CaseState; appointment: InterviewAppointment | null },
  values: Record<string, string>,
  problem: { field: string; message: string } | null,
) {
  const { t, locale } = request;
  const done = (request.query as Record<string, unknown> | undefined)?.done === "scheduled";
  return reply.header("cache-control", "private, no-store").render("asylum/pages/interview/interview.njk", {
    title: t("asylum.interview.title", { number: view.state.number }),
    caseId: view.state.id,
    current: view.appointment
      ? formatDateTime(view.appointment.startsAt, locale, { dateStyle: "full", timeStyle: "short" })
      : null,
    done,
    values,
    errors: problem
      ? [{ text: problem.message, href: `#${problem.field === "day" ? "day-day" : problem.field}` }]
      : [],
    errorsByField: problem ? { [problem.field]: problem.message } : {},
  });
}

/** GET /asylum/cases/:id/interview */
export async function showInterview(cases: CasesModule, request: IdRequest, reply: FastifyReply) {
  const view = await readInterviewForOfficer(cases.contextFor(request), request.params.id);
  return render(request, reply, view, formValues(view.appointment, view.state), null);
}

/**
 * POST /asylum/cases/:id/interview: the appointment set, and the applicant and whoever follows the
 * case told by e-mail (a link, never the day or place); or the form again with the problem.
 */
export async function setInterview(services: NoticeServices, request: IdRequest, reply: FastifyReply) {
  const { cases } = services;
  const form = interviewForm.parse(request.body ?? {});
  const context = cases.contextFor(request);
  try {
    const { state, appointment } = await scheduleInterview(context, request.params.id, interviewInput(form));
    await mailApplicantNotice(
      services,
      state,
      { kind: "appointmentScheduled", path: ownAsylumCasePath(state.id) },
      `interview-${state.id}-${appointment.scheduledAt.getTime()}`,
    );
    return reply.redirect(`/asylum/cases/${state.id}/interview?done=scheduled`, 303);
  } catch (error) {
    if (!(error instanceof DomainError) || (error.status !== 422 && error.status !== 409)) throw error;
    const view = await readInterviewForOfficer(context, request.params.id);
    const problem = {
      field: fieldOfCode[error.code] ?? "day",
      message: request.t(error.messageKey, error.messageValues),
    };
    return render(request, reply.status(error.status), view, form, problem);
  }
}
