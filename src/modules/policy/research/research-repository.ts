import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { researchApplications, researchLibraryEntries, researchReleases } from "./schema.js";

export type LibraryEntry = Omit<typeof researchLibraryEntries.$inferSelect, "updatedAt" | "createdAt"> & {
  updatedAt: string;
};

export type LibraryEntryInput = Omit<LibraryEntry, "id" | "updatedAt" | "updatedBy">;

export type ApplicationStatus = "submitted" | "approved" | "narrowed" | "refused";

export interface ResearchApplication {
  id: string;
  number: number;
  /** The number people quote: "RA-000123". */
  reference: string;
  applicantUserId: string;
  title: string;
  purpose: string;
  institution: string;
  variables: string[];
  periodFrom: string;
  periodTo: string;
  ethicsDocumentId: string;
  ethicsFileName: string;
  status: ApplicationStatus;
  grantedVariables: string[] | null;
  grantedFrom: string | null;
  grantedTo: string | null;
  reasons: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface ResearchRelease {
  applicationId: string;
  k: number;
  expiresAt: string;
  downloadedAt: string | null;
  rowsReleased: number | null;
  rowsSuppressed: number | null;
  generalisation: Record<string, string> | null;
}

export function applicationReference(number: number): string {
  return `RA-${String(number).padStart(6, "0")}`;
}

function entryOf(row: typeof researchLibraryEntries.$inferSelect): LibraryEntry {
  const { createdAt: _created, updatedAt, ...rest } = row;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}

function applicationOf(row: typeof researchApplications.$inferSelect): ResearchApplication {
  return {
    id: row.id,
    number: row.number,
    reference: applicationReference(row.number),
    applicantUserId: row.applicantUserId,
    title: row.title,
    purpose: row.purpose,
    institution: row.institution,
    variables: row.variables,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    ethicsDocumentId: row.ethicsDocumentId,
    ethicsFileName: row.ethicsFileName,
    status: row.status,
    grantedVariables: row.grantedVariables,
    grantedFrom: row.grantedFrom,
    grantedTo: row.grantedTo,
    reasons: row.reasons,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

function releaseOf(row: typeof researchReleases.$inferSelect): ResearchRelease {
  return {
    applicationId: row.applicationId,
    k: row.k,
    expiresAt: row.expiresAt.toISOString(),
    downloadedAt: row.downloadedAt ? row.downloadedAt.toISOString() : null,
    rowsReleased: row.rowsReleased,
    rowsSuppressed: row.rowsSuppressed,
    generalisation: row.generalisation,
  };
}

export async function saveLibraryEntry(
  db: Queryable,
  entry: LibraryEntryInput & { id: string; updatedBy: string },
  at: Date,
): Promise<LibraryEntry> {
  const [saved] = await db
    .insert(researchLibraryEntries)
    .values({ ...entry, updatedAt: at, createdAt: at })
    .onConflictDoUpdate({
      target: researchLibraryEntries.id,
      set: { ...entry, updatedAt: at },
    })
    .returning();
  if (!saved) throw new Error("library entry not stored");
  return entryOf(saved);
}

export async function findLibraryEntry(db: Queryable, id: string): Promise<LibraryEntry | null> {
  const [row] = await db.select().from(researchLibraryEntries).where(eq(researchLibraryEntries.id, id));
  return row ? entryOf(row) : null;
}

export interface LibraryQuery {
  text?: string | undefined;
  topic?: string | undefined;
  language?: string | undefined;
  year?: number | undefined;
  publishedOnly: boolean;
}

/**
 * Library entries matching words (each word in the title, summary, authors or topics), a topic, a
 * language and a year; newest first, at most 200.
 */
export async function searchLibrary(db: Queryable, query: LibraryQuery): Promise<LibraryEntry[]> {
  const conditions = [];
  if (query.publishedOnly) conditions.push(eq(researchLibraryEntries.published, true));
  for (const word of (query.text ?? "").split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${researchLibraryEntries.title} ilike ${pattern} or ${researchLibraryEntries.summary} ilike ${pattern}
        or ${researchLibraryEntries.authors}::text ilike ${pattern} or ${researchLibraryEntries.topics}::text ilike ${pattern})`,
    );
  }
  if (query.topic) conditions.push(sql`${researchLibraryEntries.topics} ? ${query.topic}`);
  if (query.language) conditions.push(sql`${researchLibraryEntries.languages} ? ${query.language}`);
  if (query.year) conditions.push(eq(researchLibraryEntries.year, query.year));
  const rows = await db
    .select()
    .from(researchLibraryEntries)
    .where(and(...conditions))
    .orderBy(desc(researchLibraryEntries.year), asc(researchLibraryEntries.title))
    .limit(200);
  return rows.map(entryOf);
}

/** Every topic of the published entries, for the search form's choices. */
export async function libraryTopics(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ topic: string }>(
    db,
    sql`select distinct jsonb_array_elements_text(topics) as topic from research_library_entries
      where published order by 1`,
  );
  return rows.map((row) => row.topic);
}

export async function insertApplication(
  db: Queryable,
  row: Omit<typeof researchApplications.$inferInsert, "number" | "status">,
): Promise<ResearchApplication> {
  const [inserted] = await db
    .insert(researchApplications)
    .values({ ...row, status: "submitted" })
    .returning();
  if (!inserted) throw new Error("research application not stored");
  return applicationOf(inserted);
}

export async function findApplication(db: Queryable, id: string): Promise<ResearchApplication | null> {
  const [row] = await db.select().from(researchApplications).where(eq(researchApplications.id, id));
  return row ? applicationOf(row) : null;
}

export async function listOwnApplications(db: Queryable, userId: string): Promise<ResearchApplication[]> {
  const rows = await db
    .select()
    .from(researchApplications)
    .where(eq(researchApplications.applicantUserId, userId))
    .orderBy(desc(researchApplications.createdAt), desc(researchApplications.number));
  return rows.map(applicationOf);
}

/** The review queue: undecided applications first (oldest first), then the latest decided ones. */
export async function listApplicationsForReview(db: Queryable): Promise<ResearchApplication[]> {
  const rows = await db
    .select()
    .from(researchApplications)
    .orderBy(
      sql`${researchApplications.status} <> 'submitted'`,
      sql`case when ${researchApplications.status} = 'submitted' then ${researchApplications.createdAt} end asc`,
      desc(researchApplications.decidedAt),
    )
    .limit(200);
  return rows.map(applicationOf);
}

/** Records the decision on an application still undecided; null when it was already decided. */
export async function recordDecision(
  db: Queryable,
  id: string,
  decision: {
    status: Exclude<ApplicationStatus, "submitted">;
    grantedVariables: string[] | null;
    grantedFrom: string | null;
    grantedTo: string | null;
    reasons: string;
    decidedBy: string;
    decidedAt: Date;
  },
): Promise<ResearchApplication | null> {
  const [row] = await db
    .update(researchApplications)
    .set(decision)
    .where(and(eq(researchApplications.id, id), eq(researchApplications.status, "submitted")))
    .returning();
  return row ? applicationOf(row) : null;
}

export async function insertRelease(
  db: Queryable,
  release: { applicationId: string; k: number; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await db.insert(researchReleases).values(release);
}

export async function findRelease(db: Queryable, applicationId: string): Promise<ResearchRelease | null> {
  const [row] = await db
    .select()
    .from(researchReleases)
    .where(eq(researchReleases.applicationId, applicationId));
  return row ? releaseOf(row) : null;
}

/**
 * Takes the release for its one download: marks it downloaded if it was not yet and has not
 * expired. Null when another request took it first or it expired (the row lock makes two
 * concurrent downloads wait for each other, and the second finds it taken).
 */
export async function consumeRelease(
  db: Queryable,
  applicationId: string,
  at: Date,
): Promise<ResearchRelease | null> {
  const [row] = await db
    .update(researchReleases)
    .set({ downloadedAt: at })
    .where(
      and(
        eq(researchReleases.applicationId, applicationId),
        isNull(researchReleases.downloadedAt),
        sql`${researchReleases.expiresAt} > ${at.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row ? releaseOf(row) : null;
}

/** The release log: what the extract held once it was built. */
export async function logRelease(
  db: Queryable,
  applicationId: string,
  log: { rowsReleased: number; rowsSuppressed: number; generalisation: Record<string, string> },
): Promise<void> {
  await db.update(researchReleases).set(log).where(eq(researchReleases.applicationId, applicationId));
}
