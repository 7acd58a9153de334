import type { Queryable } from "../../../platform/db/index.js";
import {
  type CaseEvent,
  type CaseIdRange,
  type CaseTypeRegistry,
  type DeadlineClock,
  historiesAfter,
} from "../../cases/index.js";
import { recordsOfHistories } from "./project-changed-cases.js";
import { describeProjectionError, type FailedCase } from "./projection-errors.js";
import type { StoredRecord } from "./replace-records.js";

/** Cases with ids after `after` (null: from the first) and up to `upTo` (null: to the last). */
export type CaseRange = CaseIdRange;

export const CASES_PER_PAGE = 1000;

type Replay = { registry: CaseTypeRegistry; deadlines: DeadlineClock };

/** Runs one read of the cases; a caller sharing the connection with its writes queues it behind them. */
type Reader = <T>(read: () => Promise<T>) => Promise<T>;

/**
 * A promise awaited later, after other work: its rejection is handled then, so it must not count
 * as unhandled in the meantime.
 */
export function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * A page's records. A page replays whole (one try for a thousand cases, nothing per case); only
 * when it fails is each case replayed again on its own, and the cases that fail by themselves are
 * set aside with their error, as the projector parks them.
 */
function replayPage(
  histories: Map<string, CaseEvent[]>,
  replay: Replay,
): { records: StoredRecord[]; failed: FailedCase[] } {
  try {
    return { records: recordsOfHistories(histories, replay.registry, replay.deadlines), failed: [] };
  } catch {
    const records: StoredRecord[] = [];
    const failed: FailedCase[] = [];
    for (const [caseId, events] of histories) {
      try {
        for (const record of recordsOfHistories(
          new Map([[caseId, events]]),
          replay.registry,
          replay.deadlines,
        ))
          records.push(record);
      } catch (error) {
        failed.push({ caseId, error: describeProjectionError(error) });
      }
    }
    return { records, failed };
  }
}

/**
 * Replays every case of a range, page after page, and hands each page's records on (with the
 * cases whose history could not be replayed); the next page is read while this one is replayed.
 * A rebuild's work, whole or one worker's share of it.
 */
export async function replayCaseRange(
  db: Queryable,
  replay: Replay,
  range: CaseRange,
  onPage: (records: StoredRecord[], cases: number, failed: FailedCase[]) => Promise<void> | void,
  read: Reader = (query) => query(),
): Promise<void> {
  const pageAfter = (after: string | null) =>
    later(read(() => historiesAfter(db, after, CASES_PER_PAGE, range.upTo)));
  let page = pageAfter(range.after);
  for (;;) {
    const { lastCaseId, histories } = await page;
    if (lastCaseId === null) return;
    page = pageAfter(lastCaseId);
    const { records, failed } = replayPage(histories, replay);
    await onPage(records, histories.size, failed);
  }
}
