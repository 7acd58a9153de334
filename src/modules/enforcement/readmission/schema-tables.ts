import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A readmission request under an agreement with a partner state: `out` when Azerbaijan asks the
 * partner to take a person back, `in` when the partner asks Azerbaijan. The person fields are the
 * agreement's common request form; the person is also entered into the person register
 * (`personId`). Dates are legal dates (the country's calendar); the due dates are computed from the
 * agreement when the request is written and when it is extended, and kept so that the dashboard and
 * the daily job can search them.
 */
export const enforcementReadmissionRequests = pgTable(
  "enforcement_readmission_requests",
  {
    id: uuid("id").primaryKey(),
    reference: text("reference").notNull().unique(),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    partnerState: text("partner_state").notNull(),
    agreementCode: text("agreement_code").notNull(),
    procedure: text("procedure", { enum: ["normal", "accelerated"] }).notNull(),
    category: text("category").notNull(),
    status: text("status", {
      enum: ["awaiting_reply", "agreed", "deemed_agreed", "refused", "transfer_arranged", "completed"],
    }).notNull(),
    personId: uuid("person_id"),
    /** The common form's person part: names, birth, nationality, documents, last address, special needs. */
    person: jsonb("person").$type<Record<string, string>>().notNull(),
    partnerAuthority: text("partner_authority").notNull(),
    partnerReference: text("partner_reference"),
    caseKnownOn: date("case_known_on", { mode: "string" }).notNull(),
    requestDue: date("request_due", { mode: "string" }).notNull(),
    /** Sent (outgoing) or received (incoming): the day the reply time starts. */
    transmittedOn: date("transmitted_on", { mode: "string" }).notNull(),
    replyDue: date("reply_due", { mode: "string" }).notNull(),
    extendedReplyDue: date("extended_reply_due", { mode: "string" }),
    extensionDays: integer("extension_days"),
    extensionReason: text("extension_reason"),
    replyOn: date("reply_on", { mode: "string" }),
    replyDecision: text("reply_decision", { enum: ["agree", "refuse"] }),
    replyReasons: text("reply_reasons"),
    deemedAgreedOn: date("deemed_agreed_on", { mode: "string" }),
    /** The day consent exists (reply or deemed): the transfer and travel-document times start here. */
    agreedOn: date("agreed_on", { mode: "string" }),
    transferDue: date("transfer_due", { mode: "string" }),
    travelDocumentDue: date("travel_document_due", { mode: "string" }),
    travelDocumentIssuedOn: date("travel_document_issued_on", { mode: "string" }),
    travelDocumentNumber: text("travel_document_number"),
    transferOn: date("transfer_on", { mode: "string" }),
    borderCrossingPoint: text("border_crossing_point"),
    escort: text("escort"),
    completedOn: date("completed_on", { mode: "string" }),
    responsibleOfficer: uuid("responsible_officer").notNull(),
    agencyId: uuid("agency_id"),
    /** The last reply-deadline warning sent (`approaching`), so that the daily job warns once. */
    warnedFor: date("warned_for", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("enforcement_readmission_requests_status").on(table.status, table.replyDue),
    index("enforcement_readmission_requests_partner").on(table.partnerState, table.status),
  ],
);

/**
 * The correspondence with the partner's authority and the request's own events, in order: letters
 * sent and received, replies, extensions, the deemed agreement the daily job records.
 */
export const enforcementReadmissionCorrespondence = pgTable(
  "enforcement_readmission_correspondence",
  {
    id: uuid("id").primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => enforcementReadmissionRequests.id),
    kind: text("kind").notNull(),
    direction: text("direction", { enum: ["sent", "received", "internal"] }).notNull(),
    onDate: date("on_date", { mode: "string" }).notNull(),
    note: text("note").notNull(),
    documentId: text("document_id"),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("enforcement_readmission_correspondence_request").on(table.requestId, table.recordedAt)],
);

/** Evidence attached to a request (the agreement's means of proof), kept in the document store. */
export const enforcementReadmissionEvidence = pgTable(
  "enforcement_readmission_evidence",
  {
    id: uuid("id").primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => enforcementReadmissionRequests.id),
    evidenceKind: text("evidence_kind").notNull(),
    documentId: text("document_id").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    addedBy: uuid("added_by").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("enforcement_readmission_evidence_request").on(table.requestId)],
);
