import {
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
 * A migration detention centre. Centres are entered by detention officers (or the demo data);
 * none ships with Karvan, because which centres exist is a fact of the country, not of the code.
 */
export const detentionCentres = pgTable(
  "detention_centres",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull(),
    names: jsonb("names").$type<{ az: string; en: string; ru: string }>().notNull(),
    /** ISO 3166-2 code from the country profile's regions list. */
    region: text("region").notNull(),
    capacity: integer("capacity").notNull(),
    /** The centre's head is told one working day before a period ends, and every day one is overrun. */
    headEmail: text("head_email").notNull(),
    /** The language of the head's alerts (az, en or ru). */
    headLocale: text("head_locale").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("detention_centres_code").on(table.code)],
);

/**
 * One person's stay in a centre, from placement to release or removal. `permittedUntil` is the
 * last lawful day as the latest decision set it (the placement or the last extension); a stay is
 * never shortened or prolonged except through `detention_extensions`, so the history explains it.
 */
export const detentionPlacements = pgTable(
  "detention_placements",
  {
    id: uuid("id").primaryKey(),
    /** The person register's id of the detained person. */
    personId: uuid("person_id").notNull(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => detentionCentres.id),
    /** The agency that placed the person: officers of other agencies do not see the placement. */
    agencyId: uuid("agency_id"),
    legalBasis: text("legal_basis").notNull(),
    orderingAuthority: text("ordering_authority").notNull(),
    courtDecisionReference: text("court_decision_reference").notNull(),
    startDate: date("start_date").notNull(),
    /** The end of the first period, as ordered (never beyond the law's first period). */
    initialUntil: date("initial_until").notNull(),
    permittedUntil: date("permitted_until").notNull(),
    status: text("status", { enum: ["placed", "released", "removed"] }).notNull(),
    /** The officer who answers for the placement: alerts go to them and to the centre's head. */
    responsibleOfficerId: uuid("responsible_officer_id").notNull(),
    endedOn: date("ended_on"),
    /** The written record of the release or removal. */
    endRecord: text("end_record"),
    endedBy: uuid("ended_by"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("detention_placements_status_until").on(table.status, table.permittedUntil),
    index("detention_placements_centre").on(table.centreId, table.startDate),
    index("detention_placements_person").on(table.personId),
  ],
);

/** An extension of a stay, each with the decision that ordered it (a stored, encrypted document). */
export const detentionExtensions = pgTable(
  "detention_extensions",
  {
    id: uuid("id").primaryKey(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => detentionPlacements.id),
    previousUntil: date("previous_until").notNull(),
    newUntil: date("new_until").notNull(),
    decisionReference: text("decision_reference").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: date("decided_on").notNull(),
    documentId: text("document_id").notNull(),
    documentName: text("document_name").notNull(),
    documentSha256: text("document_sha256").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("detention_extensions_placement").on(table.placementId, table.recordedAt)],
);

/** A periodic review of whether detention is still needed. */
export const detentionReviews = pgTable(
  "detention_reviews",
  {
    id: uuid("id").primaryKey(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => detentionPlacements.id),
    reviewedOn: date("reviewed_on").notNull(),
    outcome: text("outcome", { enum: ["continue", "release", "extension_needed"] }).notNull(),
    notes: text("notes").notNull(),
    recordedBy: uuid("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("detention_reviews_placement").on(table.placementId, table.reviewedOn)],
);

/**
 * The alerts sent: one row per placement, kind and date, claimed before the e-mails go out, so that
 * the daily job run twice (retried, or on two instances) alerts once. `forDate` is the last lawful
 * day for the day-before alert and the day of the overrun for an overdue one.
 */
export const detentionAlerts = pgTable(
  "detention_alerts",
  {
    placementId: uuid("placement_id")
      .notNull()
      .references(() => detentionPlacements.id),
    kind: text("kind", { enum: ["expiring", "overdue"] }).notNull(),
    forDate: date("for_date").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.placementId, table.kind, table.forDate] })],
);
