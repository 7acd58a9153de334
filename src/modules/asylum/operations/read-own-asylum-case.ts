import { NotFoundError } from "../../../platform/errors/index.js";
import { type CasesContext, type OwnCase, readOwnCase } from "../../cases/index.js";
import { type InterviewAppointment, interviewOfCase } from "./interview-repository.js";

export interface OwnAsylumCase extends OwnCase {
  appointment: InterviewAppointment | null;
}

/**
 * The applicant of an asylum case (or a family member of age, a lawyer or guardian an officer let
 * follow it) opens its page in the portal: where it stands, the interview appointment, the
 * documents and the decision. Through the engine's `readOwnCase`, so the read is audited and
 * anyone else's case, or a case of another procedure, is unknown (404).
 */
export async function readOwnAsylumCase(context: CasesContext, caseId: string): Promise<OwnAsylumCase> {
  const own = await readOwnCase(context, caseId, "case-page");
  if (own.state.typeCode !== "asylum") throw new NotFoundError("case_not_found");
  return { ...own, appointment: await interviewOfCase(context.db, own.state.id) };
}
