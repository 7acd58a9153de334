import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * A policy document: a strategy, an action plan, or a law or regulation in preparation. Its text
 * fields are the current version; when an adopted (or in-force) document is changed, the version it
 * had is kept in `policy_document_versions` and `version` goes up. The status dates are legal dates
 * in the country's calendar, set by the transitions (see document-status.ts).
 */
export const policyDocuments = pgTable(
  "policy_documents",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind", { enum: ["strategy", "action_plan", "law", "regulation"] }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    status: text("status", { enum: ["draft", "consultation", "adopted", "in_force", "ended"] }).notNull(),
    version: integer("version").notNull(),
    /** The body that adopted (or will adopt) it: the Cabinet of Ministers, the Milli Majlis, a ministry. */
    adoptingBody: text("adopting_body"),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    consultationOn: date("consultation_on", { mode: "string" }),
    adoptedOn: date("adopted_on", { mode: "string" }),
    inForceOn: date("in_force_on", { mode: "string" }),
    endedOn: date("ended_on", { mode: "string" }),
    /** The legal acts it cites, in order: "Migration Code, article 5". */
    citedActs: jsonb("cited_acts").$type<string[]>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("policy_documents_status").on(table.status, table.kind)],
);

/** The versions a document had before a change of its adopted text: what was adopted stays readable. */
export const policyDocumentVersions = pgTable(
  "policy_document_versions",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    version: integer("version").notNull(),
    content: jsonb("content")
      .$type<{
        title: string;
        summary: string;
        adoptingBody: string | null;
        periodStart: string | null;
        periodEnd: string | null;
        citedActs: string[];
        status: string;
      }>()
      .notNull(),
    supersededBy: uuid("superseded_by"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.version] })],
);

/** Each status change of a document, with the legal date it took effect. */
export const policyDocumentStatusChanges = pgTable(
  "policy_document_status_changes",
  {
    id: uuid("id").primaryKey(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    changedBy: uuid("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("policy_document_status_changes_document").on(table.documentId, table.changedAt)],
);

export const policyObjectives = pgTable(
  "policy_objectives",
  {
    id: uuid("id").primaryKey(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    /** "1", "2": the numbering the document uses. */
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Kept out of the public version of the monitoring report, with all that is under it. */
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("policy_objectives_code").on(table.documentId, table.code)],
);

/**
 * The indicators that measure an objective, by indicator code. The indicators are kept by the
 * policy indicators' own tables; only the code is written here.
 */
export const policyObjectiveIndicators = pgTable(
  "policy_objective_indicators",
  {
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => policyObjectives.id),
    indicatorCode: text("indicator_code").notNull(),
  },
  (table) => [primaryKey({ columns: [table.objectiveId, table.indicatorCode] })],
);

export const policyMeasures = pgTable(
  "policy_measures",
  {
    id: uuid("id").primaryKey(),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => policyObjectives.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Kept out of the public version of the monitoring report, with its actions. */
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("policy_measures_code").on(table.documentId, table.code)],
);

/**
 * An action of a measure: what an agency does by when, with which budget. `percentDone` and
 * `status` follow the responsible agency's latest status report; `doneOn` is the legal date the
 * report that reached 100 % was written.
 */
export const policyActions = pgTable(
  "policy_actions",
  {
    id: uuid("id").primaryKey(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => policyMeasures.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    responsibleAgencyId: uuid("responsible_agency_id").notNull(),
    partnerAgencyIds: jsonb("partner_agency_ids").$type<string[]>().notNull(),
    startOn: date("start_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** In the currency's minor units (qəpik for AZN). */
    budgetMinor: bigint("budget_minor", { mode: "number" }),
    budgetCurrency: text("budget_currency"),
    status: text("status", { enum: ["planned", "in_progress", "done"] }).notNull(),
    percentDone: integer("percent_done").notNull(),
    doneOn: date("done_on", { mode: "string" }),
    /** Kept out of the public version of the monitoring report. */
    internal: boolean("internal").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("policy_actions_code").on(table.documentId, table.code),
    index("policy_actions_due").on(table.status, table.dueOn),
    index("policy_actions_agency").on(table.responsibleAgencyId, table.dueOn),
  ],
);

/** A status report of the responsible agency for one period ("2026-Q1"); a later one for the same period replaces it on the pages. */
export const policyStatusReports = pgTable(
  "policy_status_reports",
  {
    id: uuid("id").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => policyActions.id),
    period: text("period").notNull(),
    text: text("text").notNull(),
    percentDone: integer("percent_done").notNull(),
    agencyId: uuid("agency_id").notNull(),
    writtenBy: uuid("written_by").notNull(),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("policy_status_reports_action").on(table.actionId, table.period, table.writtenAt)],
);

/** Files attached to a status report as evidence (kept, encrypted, in the document store). */
export const policyReportEvidence = pgTable("policy_report_evidence", {
  id: uuid("id").primaryKey(),
  reportId: uuid("report_id")
    .notNull()
    .references(() => policyStatusReports.id),
  documentRef: text("document_ref").notNull(),
  fileName: text("file_name").notNull(),
  mediaType: text("media_type").notNull(),
  sha256: text("sha256").notNull(),
});

/** The overdue warnings sent: one per action and due date, claimed before the e-mails go out. */
export const policyOverdueWarnings = pgTable(
  "policy_overdue_warnings",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => policyActions.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.actionId, table.dueOn] })],
);
