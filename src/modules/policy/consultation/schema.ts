import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { policyDocuments } from "../strategies/schema.js";

/**
 * A public consultation on a policy document's draft: the text as published on the portal in the
 * three languages, and the legal dates (the country's calendar) it is open from and to. Closing
 * early sets `closedEarlyOn`; the consultation is then closed whatever `closesOn` says.
 */
export const policyConsultations = pgTable(
  "policy_consultations",
  {
    id: uuid("id").primaryKey(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id),
    titleAz: text("title_az").notNull(),
    titleEn: text("title_en").notNull(),
    titleRu: text("title_ru").notNull(),
    /** Plain text, paragraphs apart by a blank line; a paragraph starting "2." or "2.1" opens that section. */
    textAz: text("text_az").notNull(),
    textEn: text("text_en").notNull(),
    textRu: text("text_ru").notNull(),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    closedEarlyOn: date("closed_early_on", { mode: "string" }),
    /** Made by the demo data: shown with a demo mark. */
    demo: boolean("demo").notNull().default(false),
    openedBy: uuid("opened_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("policy_consultations_document").on(table.documentId)],
);

/**
 * A comment on a consultation. A signed-in member of the public comments straight into moderation
 * (`pending`); anyone else's comment waits `unverified` until the link e-mailed to them is opened
 * (only the token's SHA-256 is kept, and it works for 48 hours). Moderators publish or reject it
 * (a reason from a fixed list, and a note), and answer a published one.
 */
export const policyConsultationComments = pgTable(
  "policy_consultation_comments",
  {
    id: uuid("id").primaryKey(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => policyConsultations.id),
    /** The portal account that commented; null for a comment verified by e-mail. */
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    /** What the portal shows instead of the name; null shows "a member of the public". */
    displayName: text("display_name"),
    /** Null once the retention rule removed the commenter's name and address (the name becomes empty). */
    email: text("email"),
    /** The language the commenter wrote in: their e-mails are sent in it. */
    locale: text("locale").notNull(),
    sectionCode: text("section_code"),
    text: text("text").notNull(),
    status: text("status", { enum: ["unverified", "pending", "published", "rejected"] }).notNull(),
    verifyTokenHash: text("verify_token_hash").unique(),
    verifyExpiresAt: timestamp("verify_expires_at", { withTimezone: true }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    rejectionNote: text("rejection_note"),
    moderatedBy: uuid("moderated_by"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("policy_consultation_comments_queue").on(table.consultationId, table.status, table.createdAt),
    index("policy_consultation_comments_email").on(table.email, table.createdAt),
  ],
);
