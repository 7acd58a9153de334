import {
  boolean,
  doublePrecision,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

type LocalisedText = { az: string; en: string; ru: string };
type StoredSeriesRef = { series: string; filter?: Record<string, string> };

/**
 * An indicator of the policy cycle. A computed one is a formula over the statistics cubes
 * (factor × numerator / denominator), read from the cubes whenever it is shown, so it follows every
 * new month by itself; an entered one takes the values its responsible agency enters per month.
 */
export const policyIndicators = pgTable(
  "policy_indicators",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull(),
    names: jsonb("names").$type<LocalisedText>().notNull(),
    kind: text("kind", { enum: ["computed", "entered"] }).notNull(),
    /** Computed indicators only: the cube series summed for the numerator and the denominator. */
    numerator: jsonb("numerator").$type<StoredSeriesRef>(),
    denominator: jsonb("denominator").$type<StoredSeriesRef>(),
    factor: doublePrecision("factor").notNull(),
    unit: jsonb("unit").$type<LocalisedText>().notNull(),
    /** YYYY or YYYY-MM, with the value then; the trajectory runs from here to the target. */
    baselinePeriod: text("baseline_period"),
    baselineValue: doublePrecision("baseline_value"),
    targetPeriod: text("target_period"),
    targetValue: doublePrecision("target_value"),
    targetDirection: text("target_direction", { enum: ["up", "down"] }),
    /** The agency answerable for the indicator; only its focal points enter values. */
    responsibleAgencyId: uuid("responsible_agency_id").notNull(),
    /** Dates (YYYY-MM-DD) of the policy changes whose effect is estimated. */
    policyChanges: jsonb("policy_changes").$type<string[]>().notNull(),
    /** Made by the demo data: the examples are not adopted policy. */
    demo: boolean("demo").notNull().default(false),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedBy: uuid("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("policy_indicators_code").on(table.code)],
);

/** A month's value of an entered indicator, with where it comes from; entering it again replaces it. */
export const policyIndicatorValues = pgTable(
  "policy_indicator_values",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => policyIndicators.id),
    /** YYYY-MM. */
    period: text("period").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    agencyId: uuid("agency_id").notNull(),
    enteredBy: uuid("entered_by").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.indicatorId, table.period] })],
);
