import { sql } from "drizzle-orm";
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
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Statistical records (see facts/statistical-record.ts): what the cubes are computed from. Records
 * of cases are derived from their events and replaced whenever the case changes; imported records
 * are the previous system's data and are kept as they were loaded.
 */
export const statRecords = pgTable(
  "stat_records",
  {
    recordId: text("record_id").primaryKey(),
    source: text("source", { enum: ["case", "import"] }).notNull(),
    /** The case a record comes from, or the import batch that loaded it. */
    caseId: uuid("case_id"),
    batchId: uuid("batch_id"),
    kind: text("kind").notNull(),
    personKey: text("person_key").notNull(),
    citizenship: text("citizenship").notNull(),
    sex: text("sex").notNull(),
    birthDate: date("birth_date"),
    caseType: text("case_type").notNull(),
    date: date("date").notNull(),
    endDate: date("end_date"),
    outcome: text("outcome"),
    instance: text("instance"),
    reason: text("reason"),
    region: text("region"),
    withdrawn: boolean("withdrawn").notNull(),
    unaccompanied: boolean("unaccompanied").notNull(),
    lodgedOn: date("lodged_on"),
    deadline: date("deadline"),
    /** Returns: the record id of the order to leave the person left under (none: not counted). */
    orderRecordId: text("order_record_id"),
    /** Withdrawn applications and appeals: explicit or implicit (null: not known). */
    withdrawal: text("withdrawal"),
    /** Returns: voluntary or forced, whether assisted, and the destination (null: not known). */
    returnType: text("return_type"),
    assisted: boolean("assisted"),
    destination: text("destination"),
    /** Permits: first, renewal or change of status (null: not known). */
    issue: text("issue"),
    /** Returns: whether return assistance was offered (null: not known); `assisted` is what was received. */
    assistanceOffered: boolean("assistance_offered"),
  },
  (table) => [
    index("stat_records_person").on(table.personKey),
    index("stat_records_case").on(table.caseId),
    // Only imported records have a batch: case records, the many, cost this index nothing.
    index("stat_records_batch").on(table.batchId).where(sql`${table.batchId} is not null`),
  ],
);

/**
 * The cubes: counts by table, month and dimensions, kept current by adding each person's change of
 * contribution. Stocks (pending applications, valid permits, people in detention) are stored as
 * their monthly changes; a stock at a month end is the sum of the changes up to that month.
 */
export const statCube = pgTable(
  "stat_cube",
  {
    tableCode: text("table_code").notNull(),
    period: text("period").notNull(),
    citizen: text("citizen").notNull(),
    sex: text("sex").notNull(),
    age: text("age").notNull(),
    d1: text("d1").notNull(),
    d2: text("d2").notNull(),
    d3: text("d3").notNull(),
    n: bigint("n", { mode: "number" }).notNull(),
    /** A sum that goes with the count (days of processing time), 0 where none. */
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.tableCode,
        table.period,
        table.citizen,
        table.sex,
        table.age,
        table.d1,
        table.d2,
        table.d3,
      ],
    }),
  ],
);

/** A load of a previous system's files by `karvan import`: all its records, or none. */
export const statImportBatches = pgTable("stat_import_batches", {
  id: uuid("id").primaryKey(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  importedBy: text("imported_by").notNull(),
  files: jsonb("files").$type<Record<string, number>>().notNull(),
  recordCount: integer("record_count").notNull(),
});

/**
 * Another country's published yearly figures (and population figures), loaded by `karvan stats
 * load-figures` to put Karvan's own figures in context. A load replaces every row of its country and
 * indicator. A null value is a year the source publishes as not available.
 */
export const statComparisonFigures = pgTable(
  "stat_comparison_figures",
  {
    /** Where the figures come from, e.g. "Eurostat migr_asyappctza". */
    source: text("source").notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text("country").notNull(),
    /** asylum_applicants, first_time_applicants or population. */
    indicator: text("indicator").notNull(),
    /** YYYY. */
    period: text("period").notNull(),
    value: bigint("value", { mode: "number" }),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.country, table.indicator, table.period] })],
);

/**
 * Cases the statistics projection could not process (a replay that throws, a value the database
 * refuses), set aside so that the other cases go on being counted. An administrator lists them with
 * `karvan stats parked` and retries them once the cause is fixed; a later change of the case retries
 * it too. Its records stay as they were last projected.
 */
export const statParkedCases = pgTable("stat_parked_cases", {
  caseId: uuid("case_id").primaryKey(),
  error: text("error").notNull(),
  parkedAt: timestamp("parked_at", { withTimezone: true }).notNull(),
  /** How many times the projection failed on it in a row. */
  attempts: integer("attempts").notNull(),
});

/**
 * Which person of its batch an imported record was about, kept from the moment the record's person
 * key first changes from `import:<person id>` to a register person's key: afterwards the key no longer
 * tells, yet undoing a merge must move back exactly the records of the imported persons it moved.
 */
export const statImportRecordPersons = pgTable(
  "stat_import_record_persons",
  {
    recordId: text("record_id").primaryKey(),
    batchId: uuid("batch_id").notNull(),
    importPersonId: text("import_person_id").notNull(),
  },
  (table) => [index("stat_import_record_persons_person").on(table.batchId, table.importPersonId)],
);
