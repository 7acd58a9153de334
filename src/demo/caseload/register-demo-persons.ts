import { sql } from "drizzle-orm";
import type { CaseTypeDefinition, NewCaseHistory } from "../../modules/cases/index.js";
import { type RegisterThresholds, registerCasePersons } from "../../modules/people/index.js";
import type { Transaction } from "../../platform/db/index.js";

export interface SubmittedDemoCase {
  history: NewCaseHistory;
  definition: Pick<CaseTypeDefinition, "form" | "persons">;
}

/**
 * DEMO ONLY: enters the persons of a batch of demo cases into the person register, in the batch's
 * transaction, as a submission would have (the demo writes its cases without submitting them):
 * in the order they were submitted, on the day they were, drafts left out. The statistics then
 * find every case's person in the register whenever they project it.
 */
export async function registerDemoPersons(
  tx: Transaction,
  cases: SubmittedDemoCase[],
  thresholds: RegisterThresholds,
): Promise<void> {
  const submitted = cases
    .filter((one) => one.history.state.submittedAt !== null)
    .sort((a, b) => String(a.history.state.submittedAt).localeCompare(String(b.history.state.submittedAt)));
  if (submitted.length === 0) return;
  // A server writes batches side by side: their registrations take turns, so that two never lock
  // the same register persons in opposite orders.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('karvan.demo.person-register', 0))`);
  for (const { history, definition } of submitted) {
    const { id, answers, submittedAt } = history.state;
    await registerCasePersons(
      tx,
      { caseId: id, definition, answers },
      { thresholds, at: new Date(submittedAt as string) },
    );
  }
}
