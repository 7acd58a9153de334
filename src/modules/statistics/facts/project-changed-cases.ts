import type { Queryable } from "../../../platform/db/index.js";
import type { CaseEvent, CaseTypeRegistry, DeadlineClock } from "../../cases/index.js";
import { claimChangedCases, loadCaseStandings, loadEventsOfCases, replayCase } from "../../cases/index.js";
import { tryLockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { registrationCaseTypes } from "./case-type-facts.js";
import { recordsOfCase } from "./records-of-case.js";
import { replaceRecords, type StoredRecord } from "./replace-records.js";

export interface ProjectionPass {
  /** `busy`: another writer holds the cubes; `behind`: a full batch, more may wait. */
  state: "idle" | "busy" | "behind" | "caught_up";
  cases: number;
}

/** The records of cases, replayed from their histories (cases without events have none). */
export function recordsOfHistories(
  histories: Map<string, CaseEvent[]>,
  registry: CaseTypeRegistry,
  deadlines: DeadlineClock,
): StoredRecord[] {
  const legalDate = (at: Date) => deadlines.legalDate(at);
  const records: StoredRecord[] = [];
  for (const [caseId, events] of histories) {
    if (events.length === 0) continue;
    const state = replayCase(events, (code, version) => registry.get(code, version), deadlines);
    const definition = registry.get(state.typeCode, state.typeVersion);
    for (const record of recordsOfCase(state, events, definition, legalDate))
      records.push({ ...record, caseId });
  }
  return records;
}

/**
 * A registration's one record depends on nothing but the case as it stands, which the case engine
 * keeps in its projection row, written with the events: read from there, it needs neither the
 * events nor a replay. The engine's row is its replay of the same events, so a rebuild from the
 * events gives the same records (tested). Every other case is replayed from its events.
 */
async function recordsOfChangedCases(
  tx: Queryable,
  caseIds: string[],
  context: StatisticsContext,
): Promise<StoredRecord[]> {
  const registrations = await loadCaseStandings(tx, caseIds, registrationCaseTypes);
  const replayed = caseIds.filter((caseId) => !registrations.has(caseId));
  const records = recordsOfHistories(
    await loadEventsOfCases(tx, replayed),
    context.registry,
    context.deadlines,
  );
  const legalDate = (at: Date) => context.deadlines.legalDate(at);
  for (const standing of registrations.values()) {
    const definition = context.registry.get(standing.typeCode, standing.typeVersion);
    for (const record of recordsOfCase(standing, [], definition, legalDate))
      records.push({ ...record, caseId: standing.id });
  }
  return records;
}

/**
 * Takes the next changed cases from the outbox, replays them and moves their records and the cubes,
 * in one transaction: the change is counted exactly once in effect, or not at all and taken again.
 */
export async function projectChangedCases(
  context: StatisticsContext,
  batchSize = 500,
): Promise<ProjectionPass> {
  return context.db.transaction(async (tx) => {
    if (!(await tryLockCubes(tx))) return { state: "busy" as const, cases: 0 };
    const caseIds = await claimChangedCases(tx, batchSize);
    if (caseIds.length === 0) return { state: "idle" as const, cases: 0 };
    const records = await recordsOfChangedCases(tx, caseIds, context);
    await replaceRecords(tx, { replaceCases: caseIds, add: records });
    return {
      state: caseIds.length >= batchSize ? ("behind" as const) : ("caught_up" as const),
      cases: caseIds.length,
    };
  });
}
