import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
import { nameKeys } from "../names/normalise.js";
import type { Candidate } from "../operations/find-candidates.js";
import type { OccurrenceSource, PersonOccurrence } from "../register/occurrence.js";
import { normalisedBirthDate, normalisedDocumentNumber } from "../register/occurrence.js";
import { peopleReviewItems } from "../schema.js";

/** How the queue's one search box was read: a birth date, a document number or a name. */
export type ReviewSearch =
  | { kind: "none" }
  | { kind: "birthDate"; value: string }
  | { kind: "document"; value: string }
  | { kind: "name"; value: string };

const dottedDate = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads the search box: `1990-05-01`, `1990-05`, `1990` or `01.05.1990` is a birth date; anything
 * else holding a digit is a document number; the rest is a name.
 */
export function readReviewSearch(text: string): ReviewSearch {
  const value = text.trim().replace(/\s+/g, " ").slice(0, 100);
  if (!value) return { kind: "none" };
  const dotted = dottedDate.exec(value);
  const iso = dotted ? `${dotted[3]}-${dotted[2]?.padStart(2, "0")}-${dotted[1]?.padStart(2, "0")}` : value;
  const birthDate = /^\d{4}(-\d{2}){0,2}$/.test(iso) ? normalisedBirthDate(iso) : null;
  if (birthDate) return { kind: "birthDate", value: birthDate };
  if (/\d/.test(value)) return { kind: "document", value: normalisedDocumentNumber(value) };
  return { kind: "name", value };
}

export interface OpenReviewItem {
  id: string;
  createdAt: Date;
  caseId: string | null;
  source: OccurrenceSource;
  occurrence: PersonOccurrence;
  candidates: Candidate[];
}

export interface ReviewItemsPage {
  items: OpenReviewItem[];
  total: number;
  page: number;
  pageCount: number;
}

export const reviewItemsPerPage = 20;

function searchCondition(search: ReviewSearch): SQL | undefined {
  const occurrence = peopleReviewItems.occurrence;
  switch (search.kind) {
    case "birthDate":
      return sql`${occurrence}->>'birthDate' like ${`${search.value}%`}`;
    case "document":
      return sql`upper(regexp_replace(coalesce(${occurrence}->'document'->>'number', ''), '[^[:alnum:]]', '', 'g')) = ${search.value}`;
    default:
      return undefined;
  }
}

/** The words of a name's comparable key (names/normalise.ts), the same for its spellings in every script. */
function comparableWords(name: string): string[] {
  return nameKeys(name).comparable.split(" ").filter(Boolean);
}

/**
 * Whether a name as written is the one searched for: every word of the search, as a comparable
 * key, begins a word of the name's comparable key (Мамедов, Mammadov, Məmmədov and "Məmməd" all find
 * Məmmədov), or the search is part of the name as written.
 */
export function nameMatches(written: string, search: string): boolean {
  if (written.toLowerCase().includes(search.toLowerCase())) return true;
  const wanted = comparableWords(search);
  if (wanted.length === 0) return false;
  const words = comparableWords(written);
  return wanted.every((one) => words.some((word) => word.startsWith(one)));
}

/**
 * The ids of the open items whose occurrence's name is the one searched for, oldest first. The
 * comparable key is computed in Node (the tables of names/ are not in the database), so the
 * names of the open items are read and compared here: the queue is the undecided remainder,
 * small beside the register.
 */
async function openItemsNamed(db: Queryable, value: string): Promise<string[]> {
  const occurrence = peopleReviewItems.occurrence;
  const rows = await db
    .select({
      id: peopleReviewItems.id,
      written: sql<string>`concat_ws(' ', ${occurrence}->>'fullName', ${occurrence}->>'givenNames', ${occurrence}->>'familyName')`,
    })
    .from(peopleReviewItems)
    .where(eq(peopleReviewItems.status, "open"))
    .orderBy(asc(peopleReviewItems.createdAt), asc(peopleReviewItems.id));
  const known = new Map<string, boolean>();
  return rows.flatMap((row) => {
    let matches = known.get(row.written);
    if (matches === undefined) {
      matches = nameMatches(row.written, value);
      known.set(row.written, matches);
    }
    return matches ? [row.id] : [];
  });
}

/** Which page is shown, of how many: a page number past the last shows the last. */
function pageOf(total: number, page: number) {
  const pageCount = Math.max(1, Math.ceil(total / reviewItemsPerPage));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, offset: (current - 1) * reviewItemsPerPage };
}

async function itemRows(db: Queryable, where: SQL | undefined, offset: number): Promise<OpenReviewItem[]> {
  const rows = await db
    .select({
      id: peopleReviewItems.id,
      createdAt: peopleReviewItems.createdAt,
      caseId: peopleReviewItems.caseId,
      source: peopleReviewItems.source,
      occurrence: peopleReviewItems.occurrence,
      candidates: peopleReviewItems.candidates,
    })
    .from(peopleReviewItems)
    .where(where)
    .orderBy(asc(peopleReviewItems.createdAt), asc(peopleReviewItems.id))
    .limit(reviewItemsPerPage)
    .offset(offset);
  return rows.map((row) => ({
    ...row,
    source: row.source as unknown as OccurrenceSource,
    occurrence: row.occurrence as PersonOccurrence,
    candidates: row.candidates as Candidate[],
  }));
}

/**
 * The open review items, oldest first (the longest waiting are decided first), a page at a time.
 * Searching reads the occurrence each item holds; the queue is the undecided remainder, small
 * beside the register.
 */
export async function listOpenReviewItems(
  db: Queryable,
  search: ReviewSearch,
  page: number,
): Promise<ReviewItemsPage> {
  if (search.kind === "name") {
    const ids = await openItemsNamed(db, search.value);
    const at = pageOf(ids.length, page);
    const shown = ids.slice(at.offset, at.offset + reviewItemsPerPage);
    const items = shown.length > 0 ? await itemRows(db, inArray(peopleReviewItems.id, shown), 0) : [];
    return { items, total: ids.length, page: at.page, pageCount: at.pageCount };
  }
  const where = and(eq(peopleReviewItems.status, "open"), searchCondition(search));
  const [counted] = await db.select({ total: count() }).from(peopleReviewItems).where(where);
  const total = counted?.total ?? 0;
  const at = pageOf(total, page);
  return { items: await itemRows(db, where, at.offset), total, page: at.page, pageCount: at.pageCount };
}
