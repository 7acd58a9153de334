import type { Queryable } from "../../../platform/db/index.js";
import {
  type CaseIdRange,
  type CaseTypeRegistry,
  type DeadlineClock,
  historiesAfter,
} from "../../cases/index.js";
import { recordsOfHistories } from "./project-changed-cases.js";
import type { StoredRecord } from "./replace-records.js";

/** Cases with ids after `after` (null: from the first) and up to `upTo` (null: to the last). */
export type CaseRange = CaseIdRange;

export const CASES_PER_PAGE = 1000;

/**
 * A promise awaited later, after other work: its rejection is handled then, so it must not count
 * as unhandled in the meantime.
 */
export function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Replays every case of a range, page after page, and hands each page's records on; the next page
 * is read while this one is replayed. A rebuild's work, whole or one worker's share of it.
 */
export async function replayCaseRange(
  db: Queryable,
  replay: { registry: CaseTypeRegistry; deadlines: DeadlineClock },
  range: CaseRange,
  onPage: (records: StoredRecord[], cases: number) => Promise<void> | void,
): Promise<void> {
  let page = later(historiesAfter(db, range.after, CASES_PER_PAGE, range.upTo));
  for (;;) {
    const { lastCaseId, histories } = await page;
    if (lastCaseId === null) return;
    page = later(historiesAfter(db, lastCaseId, CASES_PER_PAGE, range.upTo));
    await onPage(recordsOfHistories(histories, replay.registry, replay.deadlines), histories.size);
  }
}
