import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../platform/db/index.js";
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

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function searchCondition(search: ReviewSearch): SQL | undefined {
  const occurrence = peopleReviewItems.occurrence;
  switch (search.kind) {
    case "birthDate":
      return sql`${occurrence}->>'birthDate' like ${`${search.value}%`}`;
    case "document":
      return sql`upper(regexp_replace(coalesce(${occurrence}->'document'->>'number', ''), '[^[:alnum:]]', '', 'g')) = ${search.value}`;
    case "name":
      return sql`lower(concat_ws(' ', ${occurrence}->>'fullName', ${occurrence}->>'givenNames', ${occurrence}->>'familyName')) like lower(${likePattern(search.value)})`;
    default:
      return undefined;
  }
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
  const where = and(eq(peopleReviewItems.status, "open"), searchCondition(search));
  const [counted] = await db.select({ total: count() }).from(peopleReviewItems).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / reviewItemsPerPage));
  const current = Math.min(Math.max(1, page), pageCount);
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
    .offset((current - 1) * reviewItemsPerPage);
  return {
    items: rows.map((row) => ({
      ...row,
      source: row.source as unknown as OccurrenceSource,
      occurrence: row.occurrence as PersonOccurrence,
      candidates: row.candidates as Candidate[],
    })),
    total,
    page: current,
    pageCount,
  };
}
