import { countryProfile } from "../../../platform/country/index.js";
import type { Database } from "../../../platform/db/index.js";
import { DomainError, NotFoundError } from "../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import { type CaseState, type CasesContext, loadCaseState } from "../../cases/index.js";
import { instantOnWallClock } from "../interview-time.js";
import { type InterviewAppointment, interviewOfCase, saveInterview } from "./interview-repository.js";

/** What the officer enters: the day (YYYY-MM-DD) and time (HH:MM) on the country's clock, the place, the interpreter's language. */
export interface InterviewInput {
  day: string;
  time: string;
  place: string;
  interpreterLanguage: string;
}

/** The states in which the interview is still to come: it is set, or set again, before it is held. */
const schedulable = new Set(["registered", "identity-checks", "interview-scheduled"]);

function invalid(code: string): DomainError {
  return new DomainError(code, 422, `asylum.interview.errors.${code}`);
}

/** Free text shown to the applicant: one line, bounded, no control or bidirectional characters. */
function line(value: string, max: number): string | null {
  const text = value.trim();
  if (text.length > max || /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(text)) return null;
  return text;
}

/** An asylum case the officer may work on (`asylum.read` and `cases.process` in its agency; refusals audited). */
export async function asylumCaseToProcess(context: CasesContext, caseId: string): Promise<CaseState> {
  const state = await loadCaseState(context.db, caseId);
  if (state?.typeCode !== "asylum" || !state.submittedAt) throw new NotFoundError("asylum_case_not_found");
  const origin = {
    db: context.db,
    principal: context.principal,
    ip: context.ip,
    requestId: context.requestId,
  };
  const record = { entityType: "case", entityId: state.id, agencyId: state.agencyId, ownerUserId: null };
  await authorize(origin, "asylum.read", record);
  await authorize(origin, "cases.process", record);
  return state;
}

/** The appointment of a case the officer may work on, for its form; the read is audited. */
export async function readInterviewForOfficer(
  context: CasesContext,
  caseId: string,
): Promise<{ state: CaseState; appointment: InterviewAppointment | null }> {
  const state = await asylumCaseToProcess(context, caseId);
  await recordAudit(context.db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action: "asylum.interview_viewed",
    outcome: "success",
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  return { state, appointment: await interviewOfCase(context.db, state.id) };
}

/**
 * An officer sets (or moves) the interview of an asylum case: its day and time, place and the
 * interpreter's language, in the future and while the interview is still to come. Saved and
 * audited in one transaction; the caller tells the applicant and whoever follows the case.
 */
export async function scheduleInterview(
  context: CasesContext,
  caseId: string,
  input: InterviewInput,
): Promise<{ state: CaseState; appointment: InterviewAppointment }> {
  const state = await asylumCaseToProcess(context, caseId);
  if (!schedulable.has(state.state)) {
    throw new DomainError("interview_state", 409, "asylum.interview.errors.interview_state");
  }
  const now = context.clock.now();
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(input.time.trim())) throw invalid("interview_time");
  const startsAt = instantOnWallClock(input.day, input.time, countryProfile().timeZone);
  // A day that does not exist, or that has passed: the appointment is for the applicant to keep.
  if (!startsAt || startsAt.getTime() <= now.getTime()) throw invalid("interview_day");
  const place = line(input.place, 200);
  if (!place) throw invalid("interview_place");
  const interpreterLanguage = line(input.interpreterLanguage, 80);
  if (interpreterLanguage === null) throw invalid("interview_language");
  const appointment: InterviewAppointment = {
    caseId: state.id,
    startsAt,
    place,
    interpreterLanguage: interpreterLanguage || null,
    scheduledBy: context.principal?.userId as string,
    scheduledAt: now,
  };
  await (context.db as Database).transaction(async (tx) => {
    await saveInterview(tx, appointment);
    await recordAudit(tx, {
      actor: { type: "user", id: appointment.scheduledBy },
      action: "asylum.interview_scheduled",
      outcome: "success",
      entityType: "case",
      entityId: state.id,
      agencyId: state.agencyId,
      ip: context.ip,
      requestId: context.requestId,
      details: { startsAt: startsAt.toISOString() },
    });
  });
  return { state, appointment };
}
