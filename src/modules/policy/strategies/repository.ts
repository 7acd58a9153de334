import { and, asc, desc, eq, ilike, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import type {
  ActionContent,
  DocumentContent,
  DocumentKind,
  DocumentStatus,
  DocumentVersion,
  Evidence,
  Measure,
  Objective,
  PolicyAction,
  PolicyDocument,
  StatusChange,
  StatusReport,
} from "./records.js";
import {
  policyActions,
  policyDocumentStatusChanges,
  policyDocuments,
  policyDocumentVersions,
  policyMeasures,
  policyObjectiveIndicators,
  policyObjectives,
  policyOverdueWarnings,
  policyReportEvidence,
  policyStatusReports,
} from "./schema.js";

const documentColumns = {
  id: policyDocuments.id,
  kind: policyDocuments.kind,
  title: policyDocuments.title,
  summary: policyDocuments.summary,
  status: policyDocuments.status,
  version: policyDocuments.version,
  adoptingBody: policyDocuments.adoptingBody,
  periodStart: policyDocuments.periodStart,
  periodEnd: policyDocuments.periodEnd,
  consultationOn: policyDocuments.consultationOn,
  adoptedOn: policyDocuments.adoptedOn,
  inForceOn: policyDocuments.inForceOn,
  endedOn: policyDocuments.endedOn,
  citedActs: policyDocuments.citedActs,
  updatedAt: policyDocuments.updatedAt,
};

export async function insertDocument(
  db: Queryable,
  row: DocumentContent & { id: string; createdBy: string | null; at: Date },
): Promise<void> {
  await db.insert(policyDocuments).values({
    id: row.id,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    status: "draft",
    version: 1,
    adoptingBody: row.adoptingBody,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    citedActs: row.citedActs,
    createdBy: row.createdBy,
    createdAt: row.at,
    updatedAt: row.at,
  });
}

export async function findDocument(db: Queryable, id: string): Promise<PolicyDocument | null> {
  const [row] = await db.select(documentColumns).from(policyDocuments).where(eq(policyDocuments.id, id));
  return row ?? null;
}

/** The same, locked for the change that follows (two officers saving at once make two versions, not one lost). */
export async function findDocumentForUpdate(db: Queryable, id: string): Promise<PolicyDocument | null> {
  const [row] = await db
    .select(documentColumns)
    .from(policyDocuments)
    .where(eq(policyDocuments.id, id))
    .for("update");
  return row ?? null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export async function listDocuments(
  db: Queryable,
  filter: { text?: string; status?: DocumentStatus; kind?: DocumentKind },
): Promise<PolicyDocument[]> {
  const conditions: SQL[] = [];
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    const either = or(ilike(policyDocuments.title, pattern), ilike(policyDocuments.summary, pattern));
    if (either) conditions.push(either);
  }
  if (filter.status) conditions.push(eq(policyDocuments.status, filter.status));
  if (filter.kind) conditions.push(eq(policyDocuments.kind, filter.kind));
  return db
    .select(documentColumns)
    .from(policyDocuments)
    .where(and(...conditions))
    .orderBy(desc(policyDocuments.updatedAt), asc(policyDocuments.id))
    .limit(200);
}

export async function updateDocumentContent(
  db: Queryable,
  id: string,
  content: DocumentContent & { version: number; at: Date },
): Promise<void> {
  await db
    .update(policyDocuments)
    .set({
      kind: content.kind,
      title: content.title,
      summary: content.summary,
      adoptingBody: content.adoptingBody,
      periodStart: content.periodStart,
      periodEnd: content.periodEnd,
      citedActs: content.citedActs,
      version: content.version,
      updatedAt: content.at,
    })
    .where(eq(policyDocuments.id, id));
}

export async function insertVersion(
  db: Queryable,
  document: PolicyDocument,
  supersededBy: string | null,
  at: Date,
): Promise<void> {
  await db.insert(policyDocumentVersions).values({
    documentId: document.id,
    version: document.version,
    content: {
      title: document.title,
      summary: document.summary,
      adoptingBody: document.adoptingBody,
      periodStart: document.periodStart,
      periodEnd: document.periodEnd,
      citedActs: document.citedActs,
      status: document.status,
    },
    supersededBy,
    supersededAt: at,
  });
}

export async function listVersions(db: Queryable, documentId: string): Promise<DocumentVersion[]> {
  const rows = await db
    .select()
    .from(policyDocumentVersions)
    .where(eq(policyDocumentVersions.documentId, documentId))
    .orderBy(desc(policyDocumentVersions.version));
  return rows.map((row) => ({
    version: row.version,
    title: row.content.title,
    summary: row.content.summary,
    adoptingBody: row.content.adoptingBody,
    status: row.content.status,
    citedActs: row.content.citedActs,
    supersededAt: row.supersededAt,
  }));
}

const statusDateColumn = {
  draft: null,
  consultation: "consultationOn",
  adopted: "adoptedOn",
  in_force: "inForceOn",
  ended: "endedOn",
} as const;

export async function changeStatus(
  db: Queryable,
  change: {
    id: string;
    documentId: string;
    from: DocumentStatus;
    to: DocumentStatus;
    onDate: string;
    by: string | null;
    at: Date;
  },
): Promise<void> {
  const column = statusDateColumn[change.to];
  await db
    .update(policyDocuments)
    .set({ status: change.to, updatedAt: change.at, ...(column ? { [column]: change.onDate } : {}) })
    .where(eq(policyDocuments.id, change.documentId));
  await db.insert(policyDocumentStatusChanges).values({
    id: change.id,
    documentId: change.documentId,
    fromStatus: change.from,
    toStatus: change.to,
    onDate: change.onDate,
    changedBy: change.by,
    changedAt: change.at,
  });
}

export async function listStatusChanges(db: Queryable, documentId: string): Promise<StatusChange[]> {
  return db
    .select({
      fromStatus: policyDocumentStatusChanges.fromStatus,
      toStatus: policyDocumentStatusChanges.toStatus,
      onDate: policyDocumentStatusChanges.onDate,
      changedAt: policyDocumentStatusChanges.changedAt,
    })
    .from(policyDocumentStatusChanges)
    .where(eq(policyDocumentStatusChanges.documentId, documentId))
    .orderBy(
      asc(policyDocumentStatusChanges.changedAt),
      asc(policyDocumentStatusChanges.onDate),
      asc(policyDocumentStatusChanges.id),
    );
}

export async function insertObjective(
  db: Queryable,
  row: Omit<Objective, "indicatorCodes" | "internal"> & {
    indicatorCodes: string[];
    internal?: boolean;
    at: Date;
  },
): Promise<void> {
  await db.insert(policyObjectives).values({
    id: row.id,
    documentId: row.documentId,
    code: row.code,
    title: row.title,
    description: row.description,
    internal: row.internal ?? false,
    createdAt: row.at,
  });
  if (row.indicatorCodes.length > 0) {
    await db
      .insert(policyObjectiveIndicators)
      .values(row.indicatorCodes.map((indicatorCode) => ({ objectiveId: row.id, indicatorCode })));
  }
}

export async function findObjective(db: Queryable, id: string): Promise<Objective | null> {
  const [row] = await db.select().from(policyObjectives).where(eq(policyObjectives.id, id));
  if (!row) return null;
  const codes = await indicatorCodesOf(db, [id]);
  return { ...plainObjective(row), indicatorCodes: codes.get(id) ?? [] };
}

function plainObjective(row: typeof policyObjectives.$inferSelect): Omit<Objective, "indicatorCodes"> {
  return {
    id: row.id,
    documentId: row.documentId,
    code: row.code,
    title: row.title,
    description: row.description,
    internal: row.internal,
  };
}

/** The indicator codes of each objective, in code order. */
export async function indicatorCodesOf(
  db: Queryable,
  objectiveIds: string[],
): Promise<Map<string, string[]>> {
  const codes = new Map<string, string[]>();
  if (objectiveIds.length === 0) return codes;
  const rows = await db
    .select()
    .from(policyObjectiveIndicators)
    .where(inArray(policyObjectiveIndicators.objectiveId, objectiveIds))
    .orderBy(asc(policyObjectiveIndicators.indicatorCode));
  for (const row of rows)
    codes.set(row.objectiveId, [...(codes.get(row.objectiveId) ?? []), row.indicatorCode]);
  return codes;
}

/** The codes sort as numbers where they are numbers ("1.2" before "1.10"). */
const byCode = sql`string_to_array(regexp_replace(code, '[^0-9.]', '', 'g'), '.')::int[]`;

export async function listObjectives(db: Queryable, documentId: string): Promise<Objective[]> {
  const rows = await db
    .select()
    .from(policyObjectives)
    .where(eq(policyObjectives.documentId, documentId))
    .orderBy(byCode, asc(policyObjectives.code));
  const codes = await indicatorCodesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...plainObjective(row), indicatorCodes: codes.get(row.id) ?? [] }));
}

export async function insertMeasure(
  db: Queryable,
  row: Omit<Measure, "internal"> & { internal?: boolean; at: Date },
): Promise<void> {
  await db.insert(policyMeasures).values({ ...row, createdAt: row.at });
}

export async function findMeasure(db: Queryable, id: string): Promise<Measure | null> {
  const [row] = await db
    .select({
      id: policyMeasures.id,
      objectiveId: policyMeasures.objectiveId,
      documentId: policyMeasures.documentId,
      code: policyMeasures.code,
      title: policyMeasures.title,
      description: policyMeasures.description,
      internal: policyMeasures.internal,
    })
    .from(policyMeasures)
    .where(eq(policyMeasures.id, id));
  return row ?? null;
}

export async function listMeasures(db: Queryable, documentId: string): Promise<Measure[]> {
  return db
    .select({
      id: policyMeasures.id,
      objectiveId: policyMeasures.objectiveId,
      documentId: policyMeasures.documentId,
      code: policyMeasures.code,
      title: policyMeasures.title,
      description: policyMeasures.description,
      internal: policyMeasures.internal,
    })
    .from(policyMeasures)
    .where(eq(policyMeasures.documentId, documentId))
    .orderBy(byCode, asc(policyMeasures.code));
}

/** True when the document already has an objective, measure or action with this number. */
export async function codeTaken(
  db: Queryable,
  level: "objective" | "measure" | "action",
  documentId: string,
  code: string,
  exceptId?: string,
): Promise<boolean> {
  const table = { objective: policyObjectives, measure: policyMeasures, action: policyActions }[level];
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.documentId, documentId),
        eq(table.code, code),
        exceptId ? ne(table.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

const actionColumns = {
  id: policyActions.id,
  measureId: policyActions.measureId,
  documentId: policyActions.documentId,
  code: policyActions.code,
  title: policyActions.title,
  description: policyActions.description,
  responsibleAgencyId: policyActions.responsibleAgencyId,
  partnerAgencyIds: policyActions.partnerAgencyIds,
  startOn: policyActions.startOn,
  dueOn: policyActions.dueOn,
  budgetMinor: policyActions.budgetMinor,
  budgetCurrency: policyActions.budgetCurrency,
  status: policyActions.status,
  percentDone: policyActions.percentDone,
  doneOn: policyActions.doneOn,
  internal: policyActions.internal,
};

export async function insertAction(
  db: Queryable,
  row: ActionContent & { id: string; measureId: string; documentId: string; at: Date },
): Promise<void> {
  await db.insert(policyActions).values({ ...row, status: "planned", percentDone: 0, createdAt: row.at });
}

export async function updateActionContent(db: Queryable, id: string, content: ActionContent): Promise<void> {
  await db.update(policyActions).set(content).where(eq(policyActions.id, id));
}

/** Marks an objective, measure or action internal (left out of the public monitoring report) or public. */
export async function setPlanItemInternal(
  db: Queryable,
  level: "objective" | "measure" | "action",
  id: string,
  internal: boolean,
): Promise<void> {
  const table = { objective: policyObjectives, measure: policyMeasures, action: policyActions }[level];
  await db.update(table).set({ internal }).where(eq(table.id, id));
}

export async function findAction(db: Queryable, id: string): Promise<PolicyAction | null> {
  const [row] = await db.select(actionColumns).from(policyActions).where(eq(policyActions.id, id));
  return row ?? null;
}

export async function listActions(db: Queryable, documentId: string): Promise<PolicyAction[]> {
  return db
    .select(actionColumns)
    .from(policyActions)
    .where(eq(policyActions.documentId, documentId))
    .orderBy(byCode, asc(policyActions.code));
}

/**
 * Actions not done and due by `date` (overdue ones included), soonest first; of one agency when
 * given. Only actions of documents that are being carried out (adopted or in force) are followed.
 */
export async function openActionsDueBy(
  db: Queryable,
  date: string,
  agencyId?: string,
): Promise<Array<PolicyAction & { documentTitle: string }>> {
  return db
    .select({ ...actionColumns, documentTitle: policyDocuments.title })
    .from(policyActions)
    .innerJoin(policyDocuments, eq(policyDocuments.id, policyActions.documentId))
    .where(
      and(
        ne(policyActions.status, "done"),
        lte(policyActions.dueOn, date),
        inArray(policyDocuments.status, ["adopted", "in_force"]),
        agencyId ? eq(policyActions.responsibleAgencyId, agencyId) : undefined,
      ),
    )
    .orderBy(asc(policyActions.dueOn), asc(policyActions.code), asc(policyActions.id));
}

export interface DocumentProgress {
  documentId: string;
  title: string;
  status: DocumentStatus;
  actions: number;
  done: number;
  overdue: number;
  /** The mean of the actions' percentages done, 0 when there are none. */
  meanPercent: number;
}

/** Each adopted or in-force document's actions counted: all, done, overdue on `today`. */
export async function progressPerDocument(
  db: Queryable,
  today: string,
  agencyId?: string,
): Promise<DocumentProgress[]> {
  const rows = await db
    .select({
      documentId: policyDocuments.id,
      title: policyDocuments.title,
      status: policyDocuments.status,
      actions: sql<number>`count(${policyActions.id})::int`,
      done: sql<number>`count(${policyActions.id}) filter (where ${policyActions.status} = 'done')::int`,
      overdue: sql<number>`count(${policyActions.id}) filter (where ${policyActions.status} <> 'done' and ${policyActions.dueOn} < ${today})::int`,
      meanPercent: sql<number>`coalesce(round(avg(${policyActions.percentDone})), 0)::int`,
    })
    .from(policyDocuments)
    .leftJoin(
      policyActions,
      and(
        eq(policyActions.documentId, policyDocuments.id),
        agencyId ? eq(policyActions.responsibleAgencyId, agencyId) : undefined,
      ),
    )
    .where(inArray(policyDocuments.status, ["adopted", "in_force"]))
    .groupBy(policyDocuments.id)
    .orderBy(asc(policyDocuments.title), asc(policyDocuments.id));
  return rows;
}

export async function insertReport(
  db: Queryable,
  row: Omit<StatusReport, "evidence">,
  evidence: Array<Omit<Evidence, "reportId"> & { documentRef: string; sha256: string }>,
): Promise<void> {
  await db.insert(policyStatusReports).values(row);
  if (evidence.length > 0) {
    await db.insert(policyReportEvidence).values(evidence.map((one) => ({ ...one, reportId: row.id })));
  }
}

/** The action follows its latest report: 100 % is done (on the report's date), anything more than 0 under way. */
export async function updateActionProgress(
  db: Queryable,
  id: string,
  progress: { percentDone: number; doneOn: string | null },
): Promise<void> {
  await db
    .update(policyActions)
    .set({
      percentDone: progress.percentDone,
      status: progress.percentDone >= 100 ? "done" : progress.percentDone > 0 ? "in_progress" : "planned",
      doneOn: progress.percentDone >= 100 ? progress.doneOn : null,
    })
    .where(eq(policyActions.id, id));
}

/** The status reports of the actions, newest first, with their evidence. */
export async function listReports(db: Queryable, actionIds: string[]): Promise<StatusReport[]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .select()
    .from(policyStatusReports)
    .where(inArray(policyStatusReports.actionId, actionIds))
    .orderBy(desc(policyStatusReports.writtenAt), desc(policyStatusReports.id));
  const evidence =
    rows.length === 0
      ? []
      : await db
          .select({
            id: policyReportEvidence.id,
            reportId: policyReportEvidence.reportId,
            fileName: policyReportEvidence.fileName,
            mediaType: policyReportEvidence.mediaType,
          })
          .from(policyReportEvidence)
          .where(
            inArray(
              policyReportEvidence.reportId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(policyReportEvidence.fileName));
  return rows.map((row) => ({ ...row, evidence: evidence.filter((one) => one.reportId === row.id) }));
}

export async function findEvidence(
  db: Queryable,
  id: string,
): Promise<{ id: string; reportId: string; actionId: string; documentRef: string; fileName: string } | null> {
  const [row] = await db
    .select({
      id: policyReportEvidence.id,
      reportId: policyReportEvidence.reportId,
      actionId: policyStatusReports.actionId,
      documentRef: policyReportEvidence.documentRef,
      fileName: policyReportEvidence.fileName,
    })
    .from(policyReportEvidence)
    .innerJoin(policyStatusReports, eq(policyStatusReports.id, policyReportEvidence.reportId))
    .where(eq(policyReportEvidence.id, id));
  return row ?? null;
}

/** Claims the overdue warning of an action for its due date; false when it was claimed before. */
export async function claimOverdueWarning(
  db: Queryable,
  warning: { actionId: string; dueOn: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(policyOverdueWarnings)
    .values({ actionId: warning.actionId, dueOn: warning.dueOn, sentAt: warning.at })
    .onConflictDoNothing()
    .returning({ actionId: policyOverdueWarnings.actionId });
  return inserted.length > 0;
}

export async function releaseOverdueWarning(db: Queryable, warning: { actionId: string; dueOn: string }) {
  await db
    .delete(policyOverdueWarnings)
    .where(
      and(
        eq(policyOverdueWarnings.actionId, warning.actionId),
        eq(policyOverdueWarnings.dueOn, warning.dueOn),
      ),
    );
}
