import { eq } from "drizzle-orm";
import type { Transaction } from "../../../../platform/db/index.js";
import { enforcementReturnOutcomes } from "../schema-tables.js";

/**
 * When its order's case is anonymised (the retention rule of `return-order`), an outcome keeps its
 * kind and day, which the order's history and the statistics need, and loses its written record:
 * the border record or escort report is about the person.
 */
export async function anonymiseReturnOutcomes(tx: Transaction, caseId: string): Promise<void> {
  await tx
    .update(enforcementReturnOutcomes)
    .set({ record: "" })
    .where(eq(enforcementReturnOutcomes.caseId, caseId));
}
