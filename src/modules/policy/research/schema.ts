import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The research library: studies, reports and datasets about migration, with the indicators (by
 * code) and policy documents (by id) they inform. Links are plain values, not foreign keys: the
 * library outlives a renamed indicator or a withdrawn policy document.
 */
export const researchLibraryEntries = pgTable(
  "research_library_entries",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind", { enum: ["study", "report", "dataset"] }).notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    authors: jsonb("authors").$type<string[]>().notNull(),
    year: integer("year").notNull(),
    topics: jsonb("topics").$type<string[]>().notNull(),
    /** Languages the work is available in (az, en, ru, or another ISO 639-1 code). */
    languages: jsonb("languages").$type<string[]>().notNull(),
    /** Where the work can be read (publisher's page, repository); null when only cited. */
    link: text("link"),
    indicatorCodes: jsonb("indicator_codes").$type<string[]>().notNull(),
    policyDocumentIds: jsonb("policy_document_ids").$type<string[]>().notNull(),
    /** Only published entries are shown on the portal. */
    published: boolean("published").notNull(),
    updatedBy: uuid("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("research_library_entries_year").on(table.published, table.year)],
);

/**
 * A researcher's application for microdata: what for, which variables of the statistical records,
 * which months, from which institution, with the ethics approval (a stored document). The data
 * protection officer approves it, narrows it (fewer variables, a shorter period) or refuses it,
 * always with reasons.
 */
export const researchApplications = pgTable(
  "research_applications",
  {
    id: uuid("id").primaryKey(),
    /** The number people quote ("RA-000123"). */
    number: integer("number").generatedAlwaysAsIdentity({ startWith: 100 }).notNull().unique(),
    applicantUserId: uuid("applicant_user_id").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    institution: text("institution").notNull(),
    variables: jsonb("variables").$type<string[]>().notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    ethicsDocumentId: text("ethics_document_id").notNull(),
    ethicsFileName: text("ethics_file_name").notNull(),
    status: text("status", { enum: ["submitted", "approved", "narrowed", "refused"] }).notNull(),
    /** What was granted (narrowed or as asked); null until approved. */
    grantedVariables: jsonb("granted_variables").$type<string[]>(),
    grantedFrom: date("granted_from"),
    grantedTo: date("granted_to"),
    reasons: text("reasons"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("research_applications_applicant").on(table.applicantUserId, table.createdAt),
    index("research_applications_queue").on(table.status, table.createdAt),
  ],
);

/**
 * The release of an approved application's extract, and its log: downloadable once until it
 * expires. The extract itself is never stored: it is built in the transaction that consumes the
 * release, with a pseudonymisation key that exists only while it is built.
 */
export const researchReleases = pgTable("research_releases", {
  applicationId: uuid("application_id").primaryKey(),
  /** The minimum count of every released combination of quasi-identifiers. */
  k: integer("k").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  downloadedAt: timestamp("downloaded_at", { withTimezone: true }),
  rowsReleased: integer("rows_released"),
  rowsSuppressed: integer("rows_suppressed"),
  /** How far each quasi-identifier was generalised ({ "month": "quarter", "ageBand": "10" }). */
  generalisation: jsonb("generalisation").$type<Record<string, string>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
