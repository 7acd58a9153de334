import { and, asc, eq, gte, ilike, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import type { EnteredValue, IndicatorInput, PolicyIndicator } from "./indicator-record.js";
import { policyIndicators, policyIndicatorValues } from "./schema.js";

type IndicatorRow = typeof policyIndicators.$inferSelect;

function toIndicator(row: IndicatorRow): PolicyIndicator {
  return {
    id: row.id,
    code: row.code,
    names: row.names,
    kind: row.kind,
    numerator: row.numerator ?? null,
    denominator: row.denominator ?? null,
    factor: row.factor,
    unit: row.unit,
    baseline:
      row.baselinePeriod !== null && row.baselineValue !== null
        ? { period: row.baselinePeriod, value: row.baselineValue }
        : null,
    target:
      row.targetPeriod !== null && row.targetValue !== null && row.targetDirection !== null
        ? { period: row.targetPeriod, value: row.targetValue, direction: row.targetDirection }
        : null,
    responsibleAgencyId: row.responsibleAgencyId,
    policyChanges: row.policyChanges,
    demo: row.demo,
    updatedAt: row.updatedAt,
  };
}

function columnsOf(input: IndicatorInput) {
  return {
    code: input.code,
    names: input.names,
    kind: input.kind,
    numerator: input.numerator,
    denominator: input.denominator,
    factor: input.factor,
    unit: input.unit,
    baselinePeriod: input.baseline?.period ?? null,
    baselineValue: input.baseline?.value ?? null,
    targetPeriod: input.target?.period ?? null,
    targetValue: input.target?.value ?? null,
    targetDirection: input.target?.direction ?? null,
    responsibleAgencyId: input.responsibleAgencyId,
    policyChanges: input.policyChanges,
  };
}

/** Inserts an indicator; false when its code is taken. */
export async function insertIndicator(
  db: Queryable,
  row: { id: string; input: IndicatorInput; demo: boolean; by: string | null; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(policyIndicators)
    .values({
      id: row.id,
      ...columnsOf(row.input),
      demo: row.demo,
      createdBy: row.by,
      createdAt: row.at,
      updatedBy: row.by,
      updatedAt: row.at,
    })
    .onConflictDoNothing()
    .returning({ id: policyIndicators.id });
  return inserted.length === 1;
}

/** Replaces an indicator's definition; false when another indicator has the new code. */
export async function updateIndicator(
  db: Queryable,
  id: string,
  input: IndicatorInput,
  change: { by: string; at: Date },
): Promise<boolean> {
  const [taken] = await db
    .select({ id: policyIndicators.id })
    .from(policyIndicators)
    .where(and(eq(policyIndicators.code, input.code), sql`${policyIndicators.id} <> ${id}`));
  if (taken) return false;
  await db
    .update(policyIndicators)
    .set({ ...columnsOf(input), demo: false, updatedBy: change.by, updatedAt: change.at })
    .where(eq(policyIndicators.id, id));
  return true;
}

export async function findIndicatorById(db: Queryable, id: string): Promise<PolicyIndicator | null> {
  const [row] = await db.select().from(policyIndicators).where(eq(policyIndicators.id, id));
  return row ? toIndicator(row) : null;
}

export async function findIndicatorByCode(db: Queryable, code: string): Promise<PolicyIndicator | null> {
  const [row] = await db.select().from(policyIndicators).where(eq(policyIndicators.code, code));
  return row ? toIndicator(row) : null;
}

/** Indicators whose code or name in any language contains `search` (all of them for ""), by code. */
export async function searchIndicators(db: Queryable, search: string): Promise<PolicyIndicator[]> {
  const pattern = `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = await db
    .select()
    .from(policyIndicators)
    .where(
      search === ""
        ? undefined
        : or(
            ilike(policyIndicators.code, pattern),
            ilike(sql`${policyIndicators.names}->>'az'`, pattern),
            ilike(sql`${policyIndicators.names}->>'en'`, pattern),
            ilike(sql`${policyIndicators.names}->>'ru'`, pattern),
          ),
    )
    .orderBy(asc(policyIndicators.code))
    .limit(500);
  return rows.map(toIndicator);
}

/** Stores a month's value, replacing an earlier one; returns the value it replaced, if any. */
export async function upsertValue(
  db: Queryable,
  row: {
    indicatorId: string;
    period: string;
    value: number;
    source: string;
    agencyId: string;
    enteredBy: string;
    enteredAt: Date;
  },
): Promise<number | null> {
  const [earlier] = await db
    .select({ value: policyIndicatorValues.value })
    .from(policyIndicatorValues)
    .where(
      and(
        eq(policyIndicatorValues.indicatorId, row.indicatorId),
        eq(policyIndicatorValues.period, row.period),
      ),
    )
    .for("update");
  await db
    .insert(policyIndicatorValues)
    .values(row)
    .onConflictDoUpdate({
      target: [policyIndicatorValues.indicatorId, policyIndicatorValues.period],
      set: {
        value: row.value,
        source: row.source,
        agencyId: row.agencyId,
        enteredBy: row.enteredBy,
        enteredAt: row.enteredAt,
      },
    });
  return earlier?.value ?? null;
}

/** The entered values of months `from` to `to` (YYYY-MM, both included), by month. */
export async function valuesBetween(
  db: Queryable,
  indicatorId: string,
  from: string,
  to: string,
): Promise<EnteredValue[]> {
  return db
    .select({
      period: policyIndicatorValues.period,
      value: policyIndicatorValues.value,
      source: policyIndicatorValues.source,
      enteredAt: policyIndicatorValues.enteredAt,
    })
    .from(policyIndicatorValues)
    .where(
      and(
        eq(policyIndicatorValues.indicatorId, indicatorId),
        gte(policyIndicatorValues.period, from),
        lte(policyIndicatorValues.period, to),
      ),
    )
    .orderBy(asc(policyIndicatorValues.period));
}
