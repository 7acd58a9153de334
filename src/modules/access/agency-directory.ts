import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../platform/db/index.js";
import { agencies } from "./schema.js";

export interface AgencySummary {
  id: string;
  code: string;
  kind: string;
  region: string | null;
  names: { az: string; en: string; ru: string };
}

const columns = {
  id: agencies.id,
  code: agencies.code,
  kind: agencies.kind,
  region: agencies.region,
  nameAz: agencies.nameAz,
  nameEn: agencies.nameEn,
  nameRu: agencies.nameRu,
};

function summary(row: {
  id: string;
  code: string;
  kind: string;
  region: string | null;
  nameAz: string;
  nameEn: string;
  nameRu: string;
}): AgencySummary {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    region: row.region,
    names: { az: row.nameAz, en: row.nameEn, ru: row.nameRu },
  };
}

/** Other modules find agencies here (routing a case or a task), never in the access tables. */
export async function findAgencyByCode(db: Queryable, code: string): Promise<AgencySummary | null> {
  const [row] = await db
    .select(columns)
    .from(agencies)
    .where(and(eq(agencies.code, code), eq(agencies.active, true)))
    .limit(1);
  return row ? summary(row) : null;
}

/** Active agencies of a kind (e.g. the employment service for labour-market opinions), by code. */
export async function findAgenciesByKind(db: Queryable, kind: string): Promise<AgencySummary[]> {
  const rows = await db
    .select(columns)
    .from(agencies)
    .where(and(eq(agencies.kind, kind), eq(agencies.active, true)))
    .orderBy(asc(agencies.code));
  return rows.map(summary);
}

/**
 * Every active agency, by code: the choices of a form that gives work to an agency (a policy action,
 * an indicator), including those an administrator added beside the country profile's.
 */
export async function listActiveAgencies(db: Queryable): Promise<AgencySummary[]> {
  const rows = await db
    .select(columns)
    .from(agencies)
    .where(eq(agencies.active, true))
    .orderBy(asc(agencies.code));
  return rows.map(summary);
}

export async function findAgencyById(db: Queryable, id: string): Promise<AgencySummary | null> {
  const [row] = await db.select(columns).from(agencies).where(eq(agencies.id, id)).limit(1);
  return row ? summary(row) : null;
}

/** Several agencies at once (a page naming the agencies of its cases or tasks: one query, not one each). */
export async function findAgenciesByIds(db: Queryable, ids: string[]): Promise<AgencySummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(columns).from(agencies).where(inArray(agencies.id, ids));
  return rows.map(summary);
}
