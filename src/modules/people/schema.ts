import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The person register: one row per person who appears anywhere in Karvan (applicant, guest, worker,
 * family member, person of an imported record). A person merged into another is kept, pointing at
 * the survivor, so that the merge can be undone and old references still resolve.
 */
export const peoplePersons = pgTable(
  "people_persons",
  {
    id: uuid("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    mergedInto: uuid("merged_into"),
    /** `F`, `M` or null when no source said. */
    sex: text("sex"),
    /** As precise as the sources know it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
    birthDate: text("birth_date"),
    /** ISO 3166-1 alpha-2 codes, every citizenship a source gave. */
    citizenships: text("citizenships").array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    index("people_persons_merged_into").on(table.mergedInto).where(sql`${table.mergedInto} is not null`),
  ],
);

/** Every spelling of a person's name a source gave, as written, with the keys the matcher reads. */
export const peopleNames = pgTable(
  "people_names",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    givenNames: text("given_names"),
    familyName: text("family_name"),
    /** The name as one string when the source did not separate it. */
    fullName: text("full_name"),
    /** The script of the name as written (see names/normalise.ts). */
    script: text("script").notNull(),
    givenComparable: text("given_comparable").notNull(),
    familyComparable: text("family_comparable").notNull(),
    givenPhonetic: text("given_phonetic").notNull(),
    familyPhonetic: text("family_phonetic").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("people_names_person").on(table.personId)],
);

/** Identity and travel documents, the number kept normalised (letters and digits, upper case). */
export const peopleDocuments = pgTable(
  "people_documents",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    type: text("type").notNull(),
    number: text("number").notNull(),
    issuingState: text("issuing_state"),
    expiry: text("expiry"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("people_documents_person").on(table.personId),
    index("people_documents_number").on(table.number),
  ],
);

/** Family ties between registered persons, read from person to related person ("A is B's spouse"). */
export const peopleRelations = pgTable(
  "people_relations",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    relatedPersonId: uuid("related_person_id").notNull(),
    kind: text("kind", { enum: ["spouse", "child", "parent", "guardian", "family-member"] }).notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("people_relations_person").on(table.personId),
    index("people_relations_related").on(table.relatedPersonId),
  ],
);

/**
 * Which person a case is about, in which role. `slot` tells apart several persons of one role in a
 * case (family members); with the case and the role it identifies the source, so registering the
 * same case twice links once.
 */
export const peopleCaseLinks = pgTable(
  "people_case_links",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    caseId: uuid("case_id").notNull(),
    role: text("role").notNull(),
    slot: integer("slot").notNull().default(0),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
    how: text("how", { enum: ["auto", "review", "new", "merge"] }).notNull(),
  },
  (table) => [
    uniqueIndex("people_case_links_source").on(table.caseId, table.role, table.slot),
    index("people_case_links_person").on(table.personId),
  ],
);

/** Persons of records loaded by `karvan import`, by batch and the previous system's person id. */
export const peopleImportLinks = pgTable(
  "people_import_links",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    batchId: uuid("batch_id").notNull(),
    importPersonId: text("import_person_id").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
    how: text("how", { enum: ["auto", "review", "new", "merge"] }).notNull(),
  },
  (table) => [
    uniqueIndex("people_import_links_source").on(table.batchId, table.importPersonId),
    index("people_import_links_person").on(table.personId),
  ],
);

/**
 * Persons of records kept by other registers of Karvan (a detention placement, a readmission
 * request), by register and the record's id: the record is the source, as a case or an import is.
 */
export const peopleRecordLinks = pgTable(
  "people_record_links",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").notNull(),
    register: text("register", { enum: ["detention", "readmission"] }).notNull(),
    recordId: uuid("record_id").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull(),
    how: text("how", { enum: ["auto", "review", "new", "merge"] }).notNull(),
  },
  (table) => [
    uniqueIndex("people_record_links_source").on(table.register, table.recordId),
    index("people_record_links_person").on(table.personId),
  ],
);

/**
 * Blocking keys: candidates of a new occurrence are the persons sharing one of its keys, found
 * through the index on `key` and never by scanning the register.
 */
export const peopleKeys = pgTable(
  "people_keys",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (table) => [
    index("people_keys_key").on(table.key, table.personId),
    index("people_keys_person").on(table.personId),
  ],
);

/**
 * An occurrence the matcher could not decide: scored between the review and the link thresholds.
 * No person is created until an officer links it to a candidate or declares it a new person.
 */
export const peopleReviewItems = pgTable(
  "people_review_items",
  {
    id: uuid("id").primaryKey(),
    /**
     * The source as one string ("case:<id>:<role>:<slot>", "import:<batch>:<person>",
     * "record:<register>:<id>"): one item per source.
     */
    sourceKey: text("source_key").notNull(),
    source: jsonb("source").$type<Record<string, unknown>>().notNull(),
    occurrence: jsonb("occurrence").$type<Record<string, unknown>>().notNull(),
    caseId: uuid("case_id"),
    /** The candidates as scored then: person, score and each field's agreement. */
    candidates: jsonb("candidates").$type<unknown[]>().notNull(),
    status: text("status", { enum: ["open", "linked", "new"] }).notNull(),
    /** The person the item was linked to or created as, once decided. */
    personId: uuid("person_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("people_review_items_source").on(table.sourceKey),
    index("people_review_items_queue").on(table.status, table.createdAt),
    index("people_review_items_case").on(table.caseId).where(sql`${table.caseId} is not null`),
  ],
);

/** Merges of two persons, with every row that moved, so that an undo restores them exactly. */
export const peopleMerges = pgTable(
  "people_merges",
  {
    id: uuid("id").primaryKey(),
    survivorId: uuid("survivor_id").notNull(),
    mergedId: uuid("merged_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    by: text("by").notNull(),
    reason: text("reason").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: text("undone_by"),
  },
  (table) => [
    index("people_merges_survivor").on(table.survivorId),
    index("people_merges_merged").on(table.mergedId),
  ],
);

/** The register's Fellegi-Sunter model as estimated by EM, newest last. */
export const peopleModel = pgTable("people_model", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** m and u per field and level, and the match proportion. */
  weights: jsonb("weights").$type<Record<string, unknown>>().notNull(),
  estimatedAt: timestamp("estimated_at", { withTimezone: true }).notNull(),
  pairsUsed: integer("pairs_used").notNull(),
});
