import { type SQL, sql } from "drizzle-orm";
import {
  type Database,
  type GroupedCalls,
  groupedCalls,
  pipelinedTransaction,
  type Queryable,
  queryRowsPrepared,
  sharesOf,
} from "../../../platform/db/index.js";
import { ConflictError } from "../../../platform/errors/index.js";
import { auditRecordsInsert } from "../../access/index.js";
import type { CasesContext } from "../cases-context.js";
import { runSubmissionChecksOfCases } from "../checks/submission-checks.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import { auditActorOf } from "../engine/change-case.js";
import type { HoldFinding } from "../engine/events.js";
import { insertRequestsCases, type NewCaseHistory, type NewCasesOutcome } from "../engine/new-case-writer.js";
import type { PersonRegistration, RegisteredCasePerson } from "./person-registration.js";

/** The idempotency key a request carries, with its owner and the hash of its body. */
export interface IdempotencyScope {
  ownerId: string;
  key: string;
  hash: string;
}

/** One request's new cases, ready to be written. */
export interface NewCasesWrite {
  context: CasesContext;
  definition: CaseTypeDefinition;
  histories: NewCaseHistory[];
  /** The hold each case's history was made with (by case): what the submission checks must find. */
  holds: Array<HoldFinding | null>;
  /** The request's cases made again, with the holds the submission checks found instead. */
  remake(holds: Array<HoldFinding | null>): Promise<NewCaseHistory[]>;
  scope: IdempotencyScope | undefined;
}

/** `histories`: the cases as written, made again when the checks found other holds. */
export type NewCasesWritten = NewCasesOutcome & {
  histories: NewCaseHistory[];
  registered?: RegisteredCasePerson[][];
};

/**
 * How often a group's cases are made before the watch lists' answers must have settled: lists that
 * change between every making and its write are refused rather than looped on.
 */
const maxMakings = 5;

/**
 * Requests' new cases are written in groups (`groupedCalls`): while `groupsAtOnce` groups are being
 * written, the requests that arrive wait and are written together in the next one. Hotels' systems
 * send stay registrations in bursts, and a group of them costs Karvan and PostgreSQL much less per
 * registration than as many transactions (docs/adr/0057-new-cases-written-in-groups.md). Two
 * groups at once, not one, so that a group waiting for a lock held elsewhere does not stop every
 * other request; more groups at once make smaller groups (measured: fewer registrations a second).
 */
const groupsAtOnce = 2;
/** As many cases as one request may carry: a group stays a short transaction. */
const casesPerGroup = 500;

type NewCasesWriter = GroupedCalls<NewCasesWrite, NewCasesWritten>;

/** One writer per database and per register wiring (contexts built outside the module have none). */
const writers = new WeakMap<object, Map<PersonRegistration | undefined, NewCasesWriter>>();

function writerOf(context: CasesContext): NewCasesWriter {
  const { db, registerPersons } = context;
  let ofDatabase = writers.get(db);
  if (!ofDatabase) {
    ofDatabase = new Map();
    writers.set(db, ofDatabase);
  }
  let writer = ofDatabase.get(registerPersons);
  if (!writer) {
    writer = groupedCalls<NewCasesWrite, NewCasesWritten>({
      concurrency: groupsAtOnce,
      maxSize: casesPerGroup,
      sizeOf: (one) => one.histories.length,
      keyOf: (one) => (one.scope ? `${one.scope.ownerId}\n${one.scope.key}` : undefined),
      together: writeRequests,
      alone: writeAlone,
    });
    ofDatabase.set(registerPersons, writer);
  }
  return writer;
}

/**
 * Writes a request's cases with their events, audit records and idempotency record, and enters
 * their persons into the person register, all or nothing (see `writeRequests`), in a transaction
 * it may share with other requests' cases that arrive at the same moment.
 */
export function writeNewCases(write: NewCasesWrite): Promise<NewCasesWritten> {
  return writerOf(write.context).call(write);
}

/** Requests whose cases wait for a group to be free, in this context's database. */
export function newCasesWaiting(context: CasesContext): number {
  return writerOf(context).waiting();
}

/** The audit records of the requests' cases, each written with its case (`entity_id` is the case's id). */
function auditRecordsOf(writes: NewCasesWrite[]) {
  const records = writes.flatMap(({ context, definition, histories }) =>
    submittedAuditRecords(context, definition, histories),
  );
  return (writtenCaseIds: SQL) => auditRecordsInsert(records, sql`entity_id::uuid in ${writtenCaseIds}`);
}

function newCasesRequest({ histories, scope }: NewCasesWrite) {
  return { histories, idempotency: scope ? idempotencyClaims(scope, histories) : undefined };
}

const casesToRegister = (writes: NewCasesWrite[]) =>
  writes.flatMap(({ definition, histories }) =>
    histories.map(({ state }) => ({ caseId: state.id, definition, answers: state.answers })),
  );

/**
 * The submission checks (the watch lists) on every case of the requests, each check asked once per
 * case type and set of checks in the group (a group mostly holds one of each): the hold each case's
 * persons call for, by request and case.
 */
async function holdsFound(db: Queryable, writes: NewCasesWrite[]): Promise<Array<Array<HoldFinding | null>>> {
  const batches: NewCasesWrite[][] = [];
  for (const write of writes) {
    const batch = batches.find(
      ([first]) =>
        first?.definition === write.definition &&
        first.context.submissionChecks === write.context.submissionChecks,
    );
    if (batch) batch.push(write);
    else batches.push([write]);
  }
  const found = new Map<NewCasesWrite, Array<HoldFinding | null>>();
  await Promise.all(
    batches.map(async (batch) => {
      const [{ definition, context }] = batch as [NewCasesWrite, ...NewCasesWrite[]];
      const holds = await runSubmissionChecksOfCases(
        context.submissionChecks,
        db,
        definition,
        batch.flatMap((write) => write.histories.map(({ state }) => state.answers)),
      );
      const shares = sharesOf(
        holds,
        batch.map((write) => write.histories.length),
      );
      for (const [index, write] of batch.entries()) found.set(write, shares[index] ?? []);
    }),
  );
  return writes.map((write) => found.get(write) ?? []);
}

const sameHolds = (made: Array<HoldFinding | null>, found: Array<HoldFinding | null>) =>
  JSON.stringify(made) === JSON.stringify(found);

/** Thrown inside a group's transaction to roll it back: some request's cases were made with other holds. */
class HoldsChanged extends Error {
  constructor(readonly found: Array<Array<HoldFinding | null>>) {
    super("the submission checks found other holds than the cases were made with");
  }
}

/**
 * Writes the requests' cases in one statement and, in the same transaction, enters their persons
 * into the person register: a request's cases and their persons are stored together or not at all.
 * Each request claims its own idempotency key in that statement: a request whose key is taken
 * writes nothing, the others go on. Before it, one statement asks the watch lists (the submission
 * checks) about every person, and one takes every person's register locks, all at once and in one
 * order (a transaction never holds one person's lock while it waits for another's, so two naming
 * the same persons in opposite orders cannot deadlock); after it, one reads the register for them.
 * BEGIN and these four travel to the server together: one round trip. A request's cases are made
 * before the checks have answered, without holds; when the checks find any for a request of the
 * group, the whole group is rolled back, the requests concerned make their cases again with what
 * was found, and the same group, in the same order, is written again: a hit is rare, and a round
 * trip of its own for the checks made every registration wait longer
 * (docs/adr/0061-watch-lists-asked-in-the-write.md). The register then takes the written
 * requests' persons in one pass, one case after the other, as if each had been submitted alone, in
 * as few statements as their ties allow, and its last write carries the COMMIT
 * (docs/adr/0062-commit-with-the-last-write.md).
 */
async function writeRequests(writes: NewCasesWrite[]): Promise<NewCasesWritten[]> {
  let current = writes;
  for (let made = 1; ; made++) {
    try {
      const outcomes = await writeChecked(current);
      return outcomes.map((outcome, index) => ({
        ...outcome,
        histories: (current[index] as NewCasesWrite).histories,
      }));
    } catch (error) {
      if (!(error instanceof HoldsChanged)) throw error;
      if (made === maxMakings) throw new ConflictError("checks_unsettled", "cases.errors.checks_unsettled");
      current = await Promise.all(
        current.map(async (write, index) => {
          const holds = error.found[index] ?? [];
          if (sameHolds(write.holds, holds)) return write;
          return { ...write, holds, histories: await write.remake(holds) };
        }),
      );
    }
  }
}

async function writeChecked(
  writes: NewCasesWrite[],
): Promise<Array<NewCasesOutcome & { registered?: RegisteredCasePerson[][] }>> {
  const { db, registerPersons } = (writes[0] as NewCasesWrite).context;
  const requests = writes.map(newCasesRequest);
  const alongside = auditRecordsOf(writes);
  const holdsChanged = (found: Array<Array<HoldFinding | null>>) =>
    writes.some((write, index) => !sameHolds(write.holds, found[index] ?? []));
  if (!registerPersons) {
    const found = await holdsFound(db, writes);
    if (holdsChanged(found)) throw new HoldsChanged(found);
    return insertRequestsCases(db, requests, { alongside });
  }
  const locking = registerPersons(casesToRegister(writes));
  return pipelinedTransaction(db as Database, async (tx, pipeline) => {
    const [found, , outcomes] = await Promise.all([
      holdsFound(tx, writes),
      locking.keyLocks ? queryRowsPrepared(tx, locking.keyLocks) : null,
      insertRequestsCases(tx, requests, { alongside }),
      locking.readRegister(tx),
    ]);
    if (holdsChanged(found)) throw new HoldsChanged(found);
    const written = writes.filter((_, index) => outcomes[index]?.written);
    if (written.length === 0) return outcomes;
    // A request left out (its key taken) leaves the read wider than the persons registered: read again.
    const registration =
      written.length === writes.length ? locking : registerPersons(casesToRegister(written));
    // The register's last write carries the COMMIT: what follows it here only shares out its answers.
    return splitRegistered(outcomes, writes, await registration.register(tx, true, pipeline));
  });
}

async function writeAlone(write: NewCasesWrite): Promise<NewCasesWritten> {
  const [written] = await writeRequests([write]);
  if (!written) throw new Error("a request's cases were not written");
  return written;
}

/** Each written request's share of the register's outcomes (given by case, in the requests' order). */
function splitRegistered(
  outcomes: NewCasesOutcome[],
  writes: NewCasesWrite[],
  registered: RegisteredCasePerson[][],
): Array<NewCasesOutcome & { registered?: RegisteredCasePerson[][] }> {
  const written = outcomes.map((outcome, index) =>
    outcome.written ? (writes[index] as NewCasesWrite) : null,
  );
  const shares = sharesOf(
    registered,
    written.map((write) => write?.histories.length ?? 0),
  );
  return outcomes.map((outcome, index) =>
    outcome.written ? { ...outcome, registered: shares[index] ?? [] } : outcome,
  );
}

/** The request's key answers for the first case; the others are found by item on a repeat. */
function idempotencyClaims(scope: IdempotencyScope, histories: NewCaseHistory[]) {
  return {
    claim: { ownerId: scope.ownerId, key: scope.key, requestHash: scope.hash, caseId: firstId(histories) },
    items: histories.slice(1).map(({ state }, index) => ({
      ownerId: scope.ownerId,
      key: itemKey(scope.key, index + 1),
      requestHash: "item",
      caseId: state.id,
    })),
  };
}

function submittedAuditRecords(
  context: CasesContext,
  definition: CaseTypeDefinition,
  histories: NewCaseHistory[],
) {
  return histories.map(({ state, events }) => ({
    actor: auditActorOf(context),
    action: "case.submitted",
    outcome: "success" as const,
    entityType: "case",
    entityId: state.id,
    agencyId: state.agencyId,
    ip: context.ip,
    requestId: context.requestId,
    details: {
      type: definition.code,
      version: definition.version,
      channel: context.principal?.kind === "staff" ? "staff" : "api",
      events: events.map((event) => event.type.replace("case.", "")).join(","),
    },
  }));
}

function firstId(histories: NewCaseHistory[]): string {
  const first = histories[0];
  if (!first) throw new Error("no case to create");
  return first.state.id;
}

/** Internal keys of a batch's further items; a header cannot hold a line break, so no client key collides. */
export function itemKey(key: string, item: number): string {
  return `${key}\n${item}`;
}
