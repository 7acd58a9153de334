import { eq } from "drizzle-orm";
import type { Queryable, Transaction } from "../../../platform/db/index.js";
import { asylumInterviews } from "../schema.js";

export interface InterviewAppointment {
  caseId: string;
  startsAt: Date;
  place: string;
  interpreterLanguage: string | null;
  scheduledBy: string;
  scheduledAt: Date;
}

/** The case's interview appointment, if one was set. */
export async function interviewOfCase(db: Queryable, caseId: string): Promise<InterviewAppointment | null> {
  const [row] = await db.select().from(asylumInterviews).where(eq(asylumInterviews.caseId, caseId));
  return row ?? null;
}

/** Sets the case's appointment, replacing an earlier one. */
export async function saveInterview(tx: Queryable, appointment: InterviewAppointment): Promise<void> {
  const { caseId, ...rest } = appointment;
  await tx.insert(asylumInterviews).values(appointment).onConflictDoUpdate({
    target: asylumInterviews.caseId,
    set: rest,
  });
}

/**
 * When an asylum case is anonymised (its retention rule), its appointment goes with it: the day,
 * time and place of a person's interview are about the person, and nothing counts them.
 */
export async function removeInterviewOfCase(tx: Transaction, caseId: string): Promise<void> {
  await tx.delete(asylumInterviews).where(eq(asylumInterviews.caseId, caseId));
}
