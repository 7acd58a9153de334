import { countryProfile } from "../../../platform/country/index.js";
import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize, recordAudit } from "../../access/index.js";
import { type CaseState, type CasesContext, loadCaseState, loadEvents } from "../../cases/index.js";
import { loadAsylumLaw } from "../asylum-law.js";
import { type StepTiming, stepTimingsOfCase } from "../time-limits.js";

/** An asylum case's steps against their time limits, as its page shows them. */
export interface AsylumTimeLimits {
  state: CaseState;
  timings: StepTiming[];
}

/**
 * Reads the time limits of an asylum case for its unit (`asylum.read` and `cases.read` on its
 * agency; a refusal is audited): each step started, its last day and standing today. The read is
 * audited: the steps tell where a person's application stands.
 */
export async function readStepTimings(context: CasesContext, caseId: string): Promise<AsylumTimeLimits> {
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
  await authorize(origin, "cases.read", record);
  await recordAudit(context.db, {
    actor: context.principal ? { type: "user", id: context.principal.userId } : { type: "system", id: null },
    action: "asylum.time_limits_viewed",
    outcome: "success",
    entityType: "case",
    entityId: caseId,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
  });
  const profile = countryProfile();
  const timings = stepTimingsOfCase({
    events: await loadEvents(context.db, caseId),
    answers: state.answers,
    definition: context.registry.get(state.typeCode, state.typeVersion),
    law: loadAsylumLaw(profile.code),
    calendar: profile.calendar,
    today: profile.calendar.legalDate(context.clock.now()),
  });
  return { state, timings };
}
