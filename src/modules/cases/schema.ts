import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { answerWordsVector } from "./workspace/queue-search.js";

/**
 * The source of truth: every change to a case is an event, numbered per case. The primary key
 * (case_id, seq) is the optimistic lock: two officers appending event N+1 to the same case cannot
 * both succeed.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    caseId: uuid("case_id").notNull(),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system"] }).notNull(),
    actorId: text("actor_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    /** Global order of events, for projections that follow all cases (statistics, queues). */
    position: bigserial("position", { mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.seq] }),
    uniqueIndex("case_events_position").on(table.position),
  ],
);

/** Read model of a case, projected from its events; queues, search and the case file read it. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    number: text("number").notNull(),
    typeCode: text("type_code").notNull(),
    typeVersion: integer("type_version").notNull(),
    state: text("state").notNull(),
    category: text("category", { enum: ["draft", "open", "waiting", "decided", "closed"] }).notNull(),
    /** The public account that applied (applicant, host or employer). */
    applicantUserId: uuid("applicant_user_id"),
    /** The agency responsible for the decision. */
    agencyId: uuid("agency_id").notNull(),
    assignedTo: uuid("assigned_to"),
    expressTier: text("express_tier"),
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The legal date the processing time runs from, and the date it ends (pauses included). */
    legalStartDate: date("legal_start_date"),
    deadlineDate: date("deadline_date"),
    /** Set while the clock is stopped (the applicant was asked for missing documents). */
    pausedSince: date("paused_since"),
    pauses: jsonb("pauses").$type<Array<{ from: string; to: string | null }>>().notNull(),
    documents: jsonb("documents").$type<unknown[]>().notNull(),
    requestedDocuments: jsonb("requested_documents").$type<string[]>().notNull(),
    decision: jsonb("decision").$type<Record<string, unknown>>(),
    /** The issued outcome (null until a decision is issued). */
    outcome: text("outcome"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** A watch-list hold found on submission (see `CaseHold`); null for most cases. */
    hold: jsonb("hold").$type<Record<string, unknown>>(),
    feePaid: boolean("fee_paid").notNull().default(false),
    lastSeq: integer("last_seq").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("cases_number").on(table.number),
    // The queue's search by the beginning of a case number (`number like 'TRP-2026-00%'`) in any collation.
    index("cases_number_prefix").on(table.number.op("text_pattern_ops")),
    index("cases_queue").on(table.agencyId, table.category, table.deadlineDate),
    index("cases_applicant").on(table.applicantUserId, table.createdAt),
    index("cases_assigned").on(table.assignedTo, table.category),
    index("cases_type_state").on(table.typeCode, table.state),
    // The officers' queues (workspace): active cases of an agency, or of an officer, in deadline
    // order with the id as tie-breaker for keyset pages; partial, so decided and closed cases
    // (most of the table in time) cost nothing here.
    index("cases_active_deadline")
      .on(table.agencyId, table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting')`),
    index("cases_active_assigned")
      .on(table.assignedTo, table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting')`),
    // Queue filters that match a small part of an agency's queue (a procedure, a procedure's state,
    // cases nobody has taken): without their own range, the page and its count walk the whole queue.
    index("cases_active_type_deadline")
      .on(table.agencyId, table.typeCode, table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting')`),
    index("cases_active_type_state_deadline")
      .on(table.agencyId, table.typeCode, table.state, table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting')`),
    index("cases_active_unassigned_deadline")
      .on(table.agencyId, table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting') and ${table.assignedTo} is null`),
    // Every agency's active cases in deadline order: the all-agencies queue, the overdue counts
    // and the hourly deadline watch.
    index("cases_active_all_deadline")
      .on(table.deadlineDate, table.id)
      .where(sql`${table.category} in ('open', 'waiting')`),
    // The queue's search by name: the folded words of an active case's answers (queue-search.ts).
    index("cases_active_person_words")
      .using("gin", sql.raw(answerWordsVector(`"answers"`)))
      .where(sql`${table.category} in ('open', 'waiting')`),
    // Related cases: the same passport or document number in the answers (`answers @> {...}`).
    index("cases_answers").using("gin", sql`${table.answers} jsonb_path_ops`),
    // The public /verify page finds an issued document by the code printed in its QR code.
    uniqueIndex("cases_verification_code")
      .on(sql`(${table.decision} ->> 'verificationCode')`)
      .where(sql`(${table.decision} ->> 'verificationCode') is not null`),
    // The daily permit-expiry notices find the issued documents whose validity ends soon.
    index("cases_permit_valid_to")
      .on(sql`(${table.decision} ->> 'validTo')`)
      .where(sql`${table.category} = 'decided' and (${table.decision} ->> 'documentNumber') is not null`),
  ],
);

/** Tasks of a case, possibly for another agency (the employment service's labour-market opinion). */
export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id").notNull(),
    code: text("code").notNull(),
    agencyId: uuid("agency_id").notNull(),
    mandatory: boolean("mandatory").notNull(),
    status: text("status", { enum: ["open", "done", "cancelled"] }).notNull(),
    result: text("result"),
    comment: text("comment"),
    completedBy: uuid("completed_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [
    index("case_tasks_case").on(table.caseId),
    index("case_tasks_queue").on(table.agencyId, table.status),
  ],
);

/**
 * Deadline warnings already sent (the officer is warned once per case and threshold): the job
 * claims a row before it sends, so a retried or concurrent run sends nothing twice. Not a
 * projection of events: a warning is a notification about the case, not a change to it.
 */
export const caseDeadlineWarnings = pgTable(
  "case_deadline_warnings",
  {
    caseId: uuid("case_id").notNull(),
    /** Percent of the legal time used that triggered the warning (75). */
    threshold: integer("threshold").notNull(),
    /** The deadline the warning was about. */
    deadlineDate: date("deadline_date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.threshold] })],
);

/**
 * Submissions and API creations carrying an idempotency key: the same key gives the same case.
 * While the first request is in flight the row says so (409 for a second one); a different body
 * under the same key is refused (422).
 */
export const caseIdempotencyKeys = pgTable(
  "case_idempotency_keys",
  {
    ownerId: text("owner_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    caseId: uuid("case_id"),
    status: text("status", { enum: ["in_flight", "done"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.ownerId, table.key] })],
);

/** Case numbers are drawn from one sequence: unique without a hot counter row per case type. */
export const caseNumberSequence = pgSequence("case_number_seq", { startWith: 1000 });

/**
 * Cases whose events changed, for projections that run behind the request (statistics). A trigger
 * on `case_events` fills it in the same transaction as the events, whatever wrote them; a consumer
 * deletes the rows it claims in the transaction that applies their effect, so each change is
 * taken into account exactly once in effect.
 */
export const caseChangeOutbox = pgTable("case_change_outbox", {
  position: bigserial("position", { mode: "number" }).primaryKey(),
  caseId: uuid("case_id").notNull(),
});

/**
 * Permit-expiry notices already sent: the holder is reminded once per permit and end of validity.
 * The daily job claims a row before it sends, so a retried or repeated run sends nothing twice.
 */
export const permitExpiryNotices = pgTable(
  "permit_expiry_notices",
  {
    caseId: uuid("case_id").notNull(),
    /** The last valid day the notice was about. */
    validTo: date("valid_to").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.validTo] })],
);

/**
 * Lawyers and guardians an officer gave access to a case (types with `access.representatives`):
 * the portal account follows that case as its applicant would, until the representation ends.
 * Ended rows stay, so that who could see the case when is known.
 */
export const caseRepresentatives = pgTable(
  "case_representatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: text("role", { enum: ["lawyer", "guardian", "applicant", "family-member"] }).notNull(),
    addedBy: uuid("added_by").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    endedBy: uuid("ended_by"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [
    index("case_representatives_case_idx").on(table.caseId),
    uniqueIndex("case_representatives_active_idx")
      .on(table.userId, table.caseId)
      .where(sql`ended_at is null`),
  ],
);
