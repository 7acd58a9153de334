import type { Queryable, Transaction } from "../../../platform/db/index.js";
import type { CaseEvent, CaseTypeRegistry, DeadlineClock } from "../../cases/index.js";
import { claimChangedCases, loadCaseStandings, loadEventsOfCases, replayCase } from "../../cases/index.js";
import { noteCubesChanged } from "../cubes/cube-changes.js";
import { tryLockCubes } from "../cubes/statistics-lock.js";
import type { StatisticsContext } from "../statistics-context.js";
import { parkCases, unparkCases } from "./parked-case-repository.js";
import { describeProjectionError, type FailedCase, isTransient } from "./projection-errors.js";
import { recordsOfCase } from "./records-of-case.js";
import { keyedByRegister } from "./register-person-keys.js";
import { replaceRecords, type StoredRecord } from "./replace-records.js";

export interface ProjectionPass {
  /** `busy`: another writer holds the cubes; `behind`: a full batch, more may wait. */
  state: "idle" | "busy" | "behind" | "caught_up";
  cases: number;
  /** Cases set aside in this pass because their projection failed (parked-case-repository.ts). */
  parked: string[];
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

/** The case types whose statistics section counts their cases as registrations. */
function registrationCaseTypes(registry: CaseTypeRegistry): string[] {
  return registry
    .current()
    .filter((definition) => definition.statistics?.counts === "registration")
    .map((definition) => definition.code);
}

/**
 * A registration's one record depends on nothing but the case as it stands, which the case engine
 * keeps in its projection row, written with the events: read from there, it needs neither the
 * events nor a replay. The engine's row is its replay of the same events, so a rebuild from the
 * events gives the same records (tested). Every other case (and a case on a version of its type
 * that counts it otherwise) is replayed from its events.
 */
async function recordsOfChangedCases(
  tx: Queryable,
  caseIds: string[],
  context: StatisticsContext,
): Promise<StoredRecord[]> {
  const standings = await loadCaseStandings(tx, caseIds, registrationCaseTypes(context.registry));
  const registrations = [...standings.values()].filter(
    (standing) =>
      context.registry.get(standing.typeCode, standing.typeVersion).statistics?.counts === "registration",
  );
  const registered = new Set(registrations.map((standing) => standing.id));
  const replayed = caseIds.filter((caseId) => !registered.has(caseId));
  const records = recordsOfHistories(
    await loadEventsOfCases(tx, replayed),
    context.registry,
    context.deadlines,
  );
  const legalDate = (at: Date) => context.deadlines.legalDate(at);
  for (const standing of registrations) {
    const definition = context.registry.get(standing.typeCode, standing.typeVersion);
    for (const record of recordsOfCase(standing, [], definition, legalDate))
      records.push({ ...record, caseId: standing.id });
  }
  return records;
}

/**
 * Projects the cases; when that fails, each half on its own, down to the cases that fail by
 * themselves. Every attempt runs in a savepoint, so a failed one leaves nothing behind and the
 * others still go through. A transient database error (connection lost, deadlock) is no fault of
 * a case: it fails the whole pass, which is taken again later.
 */
async function projectOrFail(
  tx: Transaction,
  caseIds: string[],
  context: StatisticsContext,
): Promise<FailedCase[]> {
  if (caseIds.length === 0) return [];
  try {
    await tx.transaction(async (savepoint) => {
      const records = await keyedByRegister(
        savepoint,
        await recordsOfChangedCases(savepoint, caseIds, context),
      );
      await replaceRecords(savepoint, { replaceCases: caseIds, add: records });
    });
    return [];
  } catch (error) {
    if (isTransient(error)) throw error;
    const [only] = caseIds;
    if (caseIds.length === 1 && only) return [{ caseId: only, error: describeProjectionError(error) }];
  }
  const middle = Math.ceil(caseIds.length / 2);
  const first = await projectOrFail(tx, caseIds.slice(0, middle), context);
  return [...first, ...(await projectOrFail(tx, caseIds.slice(middle), context))];
}

/**
 * Projects the cases, parks those whose projection fails and takes the others off the parked list,
 * all in the caller's transaction (under `lockCubes`). Returns the cases parked.
 */
export async function projectOrPark(
  tx: Transaction,
  caseIds: string[],
  context: StatisticsContext,
  at: Date,
): Promise<FailedCase[]> {
  const failed = await projectOrFail(tx, caseIds, context);
  const parked = new Set(failed.map((item) => item.caseId));
  await parkCases(tx, failed, at);
  await unparkCases(
    tx,
    caseIds.filter((caseId) => !parked.has(caseId)),
  );
  return failed;
}

/**
 * Takes the next changed cases from the outbox, replays them and moves their records and the cubes,
 * in one transaction: the change is counted exactly once in effect, or not at all and taken again.
 * A case whose projection fails is parked rather than stopping the others (and every later pass).
 */
export async function projectChangedCases(
  context: StatisticsContext,
  batchSize = 500,
): Promise<ProjectionPass> {
  const pass = await context.db.transaction(async (tx) => {
    if (!(await tryLockCubes(tx))) return { state: "busy" as const, cases: 0, parked: [] };
    const caseIds = await claimChangedCases(tx, batchSize);
    if (caseIds.length === 0) return { state: "idle" as const, cases: 0, parked: [] };
    const failed = await projectOrPark(tx, caseIds, context, new Date());
    return {
      state: caseIds.length >= batchSize ? ("behind" as const) : ("caught_up" as const),
      cases: caseIds.length,
      parked: failed.map((item) => item.caseId),
    };
  });
  if (pass.cases > 0) noteCubesChanged();
  return pass;
}
