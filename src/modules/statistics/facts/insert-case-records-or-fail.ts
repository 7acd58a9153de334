import type { Transaction } from "../../../platform/db/index.js";
import { describeProjectionError, type FailedCase, isTransient } from "./projection-errors.js";
import { insertRecords } from "./record-repository.js";
import type { StoredRecord } from "./replace-records.js";

export interface InsertedRecords {
  inserted: number;
  /** Cases whose records the database refused; none of their records is kept. */
  failed: FailedCase[];
}

/**
 * Writes cases' records, in a savepoint; when the database refuses them, each half of the cases on
 * its own, down to the cases refused by themselves (the projector's way, `projectOrFail`). One
 * savepoint per batch is the whole cost while nothing fails. A transient error (connection lost,
 * deadlock) is no fault of a case and fails the caller.
 */
export async function insertCaseRecordsOrFail(
  tx: Transaction,
  records: StoredRecord[],
): Promise<InsertedRecords> {
  try {
    await tx.transaction((savepoint) => insertRecords(savepoint, records));
    return { inserted: records.length, failed: [] };
  } catch (error) {
    if (isTransient(error)) throw error;
    const byCase = new Map<string, StoredRecord[]>();
    for (const record of records) {
      const caseId = record.caseId ?? "";
      const ofCase = byCase.get(caseId);
      if (ofCase) ofCase.push(record);
      else byCase.set(caseId, [record]);
    }
    const [only] = byCase.keys();
    if (byCase.size === 1 && only) {
      return { inserted: 0, failed: [{ caseId: only, error: describeProjectionError(error) }] };
    }
    if (byCase.size <= 1) throw error;
    const cases = [...byCase.values()];
    const middle = Math.ceil(cases.length / 2);
    const first = await insertCaseRecordsOrFail(tx, cases.slice(0, middle).flat());
    const second = await insertCaseRecordsOrFail(tx, cases.slice(middle).flat());
    return { inserted: first.inserted + second.inserted, failed: [...first.failed, ...second.failed] };
  }
}
