import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRowsPrepared } from "../../../platform/db/index.js";
import type { CaseState } from "./case-state.js";
import type { CaseEvent } from "./events.js";
import { caseProjectionRow, taskProjectionRows } from "./projection-repository.js";

/** A case that does not exist yet: its whole history and the state the history leads to. */
export interface NewCaseHistory {
  events: CaseEvent[];
  state: CaseState;
}

/** An idempotency record written with the cases it answers for (see create-submitted-cases.ts). */
export interface NewIdempotencyRecord {
  ownerId: string;
  key: string;
  requestHash: string;
  caseId: string;
}

/** One request's new cases, with the idempotency key it claims (see `NewCasesOptions.idempotency`). */
export interface NewCasesRequest {
  histories: NewCaseHistory[];
  /**
   * Claims the request's key in the same statement: nothing of the request is written when the key
   * is already taken, or held by a twin request still running (its advisory lock); `items` are
   * written with the cases (a batch's further cases, found by item on a repeat).
   */
  idempotency?: { claim: NewIdempotencyRecord; items: NewIdempotencyRecord[] } | undefined;
}

export interface NewCasesOptions {
  idempotency?: NewCasesRequest["idempotency"];
  /**
   * Another module's INSERT written with the cases (the audit records): given the ids of the cases
   * written (a subquery), it writes only its rows of those cases.
   */
  alongside?: (writtenCaseIds: SQL) => SQL;
}

export type NewCasesOutcome =
  | { written: true }
  /** `keyInFlight`: a twin request holds the key; otherwise the key was used already. */
  | { written: false; keyInFlight: boolean };

const recordset = (rows: unknown[]) => sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)`;

/** The cases of every request written by the statement (see `insertRequestsCases`). */
const writtenCaseIds = sql`(select id from written_cases)`;

/**
 * Writes new cases in ONE statement: every event, projection row, task, idempotency record (and
 * the audit records) as multi-row INSERTs joined by data-modifying CTEs. Rows travel as JSON
 * parameters expanded by `jsonb_to_recordset`, so a batch is not bound by the 65,535-parameter
 * limit, costs one round trip whatever its size, and, outside a transaction, one commit. For
 * cases that do not exist yet (API creation, demo data): no per-case lock is needed, and the
 * (case_id, seq) key still refuses a second write of the same history.
 */
export async function insertNewCases(
  db: Queryable,
  histories: NewCaseHistory[],
  options: NewCasesOptions = {},
): Promise<NewCasesOutcome> {
  const [outcome] = await insertRequestsCases(db, [{ histories, idempotency: options.idempotency }], options);
  return outcome ?? { written: true };
}

/**
 * `insertNewCases` for several requests at once, in the same one statement: each request claims
 * its own key, and its cases are written when it has claimed it (or carries none), whatever
 * becomes of the others' claims. No two requests may carry the same key. Outcomes by request.
 */
export async function insertRequestsCases(
  db: Queryable,
  requests: NewCasesRequest[],
  options: Pick<NewCasesOptions, "alongside"> = {},
): Promise<NewCasesOutcome[]> {
  const writing = requests.filter((request) => request.histories.length > 0);
  if (writing.length === 0) return requests.map(() => ({ written: true }));
  const { alongside } = options;
  const histories = writing.flatMap((request) => request.histories);
  const ctes = [
    requestGates(writing),
    newEvents(histories),
    newTasks(histories),
    newItemKeys(writing),
    newCases(histories),
  ];
  if (alongside) ctes.push(sql`alongside as (${alongside(writtenCaseIds)})`);
  const [row] = await queryRowsPrepared<{ outcomes: Array<[boolean, boolean]> }>(
    db,
    sql`
    with ${sql.join(ctes, sql`, `)}
    select (select json_agg(json_build_array(free, go) order by request) from gate) as outcomes`,
  );
  const outcomes = row?.outcomes ?? [];
  let next = 0;
  return requests.map((request) => {
    if (request.histories.length === 0) return { written: true };
    const [free, go] = outcomes[next++] ?? [false, false];
    return go ? { written: true } : { written: false, keyInFlight: !free };
  });
}

/**
 * Whether each request is written: it claims its key unless a twin request holds the key's
 * advisory lock or the key is taken already; a request without a key is always written. The ids
 * of the written requests' cases are `written_cases`.
 */
function requestGates(requests: NewCasesRequest[]): SQL {
  const rows = requests.map(({ histories, idempotency }, request) => ({
    request,
    owner_id: idempotency?.claim.ownerId ?? null,
    key: idempotency?.claim.key ?? null,
    request_hash: idempotency?.claim.requestHash ?? null,
    claim_case: idempotency?.claim.caseId ?? null,
    created_at: histories[0]?.state.createdAt ?? null,
    case_ids: histories.map(({ state }) => state.id),
  }));
  return sql`
      requests as materialized (
        select * from ${recordset(rows)} as q(request integer, owner_id text, key text, request_hash text,
          claim_case uuid, created_at timestamptz, case_ids uuid[])
      ), lock as materialized (
        select request, case when key is null then true
          else pg_try_advisory_xact_lock(hashtextextended(owner_id || E'\n' || key, 0)) end as free
        from requests
      ), claim as (
        insert into case_idempotency_keys (owner_id, key, request_hash, case_id, status, created_at)
        select q.owner_id, q.key, q.request_hash, q.claim_case, 'done', q.created_at
        from requests q join lock using (request)
        where q.key is not null and lock.free
        on conflict do nothing
        returning case_id
      ), gate as materialized (
        select q.request, lock.free, q.case_ids,
          (q.key is null or q.claim_case in (select case_id from claim)) as go
        from requests q join lock using (request)
      ), written_cases as materialized (
        select unnest(case_ids) as id from gate where go
      )`;
}

function newEvents(histories: NewCaseHistory[]): SQL {
  const rows: EventRow[] = [];
  for (const history of histories) for (const event of history.events) rows.push(eventRow(event));
  return sql`new_events as (
      insert into case_events (case_id, seq, type, payload, actor_type, actor_id, at)
      select case_id, seq, type, payload, actor_type, actor_id, at
      from ${recordset(rows)} as r(
        case_id uuid, seq integer, type text, payload jsonb, actor_type text, actor_id text, at timestamptz)
      where r.case_id in ${writtenCaseIds}
    )`;
}

type EventRow = ReturnType<typeof eventRow>;

function eventRow(event: CaseEvent) {
  return {
    case_id: event.caseId,
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    at: event.at,
  };
}

function newTasks(histories: NewCaseHistory[]): SQL {
  const rows: TaskRow[] = [];
  for (const history of histories)
    for (const task of taskProjectionRows(history.state)) rows.push(taskRow(task));
  return sql`new_tasks as (
      insert into case_tasks (id, case_id, code, agency_id, mandatory, status, result, comment, completed_by,
        created_at, completed_at)
      select id, case_id, code, agency_id, mandatory, status, result, comment, completed_by, created_at, completed_at
      from ${recordset(rows)} as r(
        id uuid, case_id uuid, code text, agency_id uuid, mandatory boolean, status text, result text,
        comment text, completed_by uuid, created_at timestamptz, completed_at timestamptz)
      where r.case_id in ${writtenCaseIds}
    )`;
}

type TaskRow = ReturnType<typeof taskRow>;

function taskRow(task: ReturnType<typeof taskProjectionRows>[number]) {
  return {
    id: task.id,
    case_id: task.caseId,
    code: task.code,
    agency_id: task.agencyId,
    mandatory: task.mandatory,
    status: task.status,
    result: task.result,
    comment: task.comment,
    completed_by: task.completedBy,
    created_at: task.createdAt,
    completed_at: task.completedAt,
  };
}

/** The keys of a batch's further cases, written only when the batch is. */
function newItemKeys(requests: NewCasesRequest[]): SQL {
  const rows: ItemKeyRow[] = [];
  for (const { histories, idempotency } of requests) {
    const createdAt = histories[0]?.state.createdAt ?? null;
    for (const record of idempotency?.items ?? []) rows.push(itemKeyRow(record, createdAt));
  }
  return sql`new_item_keys as (
      insert into case_idempotency_keys (owner_id, key, request_hash, case_id, status, created_at)
      select owner_id, key, request_hash, case_id, 'done', created_at
      from ${recordset(rows)} as r(owner_id text, key text, request_hash text, case_id uuid, created_at timestamptz)
      where r.case_id in ${writtenCaseIds}
    )`;
}

type ItemKeyRow = ReturnType<typeof itemKeyRow>;

function itemKeyRow(record: NewIdempotencyRecord, createdAt: string | null) {
  return {
    created_at: createdAt,
    owner_id: record.ownerId,
    key: record.key,
    request_hash: record.requestHash,
    case_id: record.caseId,
  };
}

function newCases(histories: NewCaseHistory[]): SQL {
  const rows: CaseRow[] = [];
  for (const history of histories) rows.push(caseRow(history.state));
  return sql`new_cases as (
      insert into cases (id, number, type_code, type_version, state, category, applicant_user_id, agency_id,
        assigned_to, express_tier, answers, submitted_at, legal_start_date, deadline_date, paused_since, pauses,
        documents, requested_documents, decision, outcome, decided_at, hold, fee_paid, last_seq, created_at, updated_at)
      select id, number, type_code, type_version, state, category, applicant_user_id, agency_id,
        assigned_to, express_tier, answers, submitted_at, legal_start_date, deadline_date, paused_since, pauses,
        documents, requested_documents, decision, outcome, decided_at, hold, fee_paid, last_seq, created_at, updated_at
      from ${recordset(rows)} as r(
        id uuid, number text, type_code text, type_version integer, state text, category text,
        applicant_user_id uuid, agency_id uuid, assigned_to uuid, express_tier text, answers jsonb,
        submitted_at timestamptz, legal_start_date date, deadline_date date, paused_since date, pauses jsonb,
        documents jsonb, requested_documents jsonb, decision jsonb, outcome text, decided_at timestamptz, hold jsonb,
        fee_paid boolean, last_seq integer, created_at timestamptz, updated_at timestamptz)
      where r.id in ${writtenCaseIds}
    )`;
}

type CaseRow = ReturnType<typeof caseRow>;

function caseRow(state: CaseState) {
  const row = caseProjectionRow(state);
  return {
    id: row.id,
    number: row.number,
    type_code: row.typeCode,
    type_version: row.typeVersion,
    state: row.state,
    category: row.category,
    applicant_user_id: row.applicantUserId,
    agency_id: row.agencyId,
    assigned_to: row.assignedTo,
    express_tier: row.expressTier,
    answers: row.answers,
    submitted_at: row.submittedAt,
    legal_start_date: row.legalStartDate,
    deadline_date: row.deadlineDate,
    paused_since: row.pausedSince,
    pauses: row.pauses,
    documents: row.documents,
    requested_documents: row.requestedDocuments,
    decision: row.decision,
    outcome: row.outcome,
    decided_at: row.decidedAt,
    hold: row.hold,
    fee_paid: row.feePaid,
    last_seq: row.lastSeq,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** Refreshes the planner's statistics after a bulk load, so that queues use their indexes at once. */
export async function analyzeCaseTables(db: Queryable): Promise<void> {
  await db.execute(sql`analyze case_events`);
  await db.execute(sql`analyze cases`);
  await db.execute(sql`analyze case_tasks`);
}
