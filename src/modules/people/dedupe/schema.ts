import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Two registered persons that batch deduplication found alike but not alike enough to merge (a score
 * between the review and the link thresholds): an officer merges them or keeps them apart. One row
 * per pair, the smaller id first, so that running the deduplication again opens nothing twice.
 */
export const peopleDuplicateReviews = pgTable(
  "people_duplicate_reviews",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    otherPersonId: uuid("other_person_id").notNull(),
    score: doublePrecision("score").notNull(),
    /** Each compared field's agreement then: `[{ field, agreement, weight }]`. */
    fields: jsonb("fields").$type<unknown[]>().notNull(),
    status: text("status", { enum: ["open", "merged", "kept-apart"] }).notNull(),
    /** The merge an officer's "same person" made, to be undone from the person's merge history. */
    mergeId: uuid("merge_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("people_duplicate_reviews_pair").on(table.personId, table.otherPersonId),
    index("people_duplicate_reviews_queue").on(table.status, table.createdAt),
  ],
);
