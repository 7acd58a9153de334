import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../../../platform/db/index.js";
import { peopleDuplicateReviews } from "../../dedupe/schema.js";
import { nameKeys } from "../../names/normalise.js";
import type { FieldAgreement } from "../../register/scoring.js";
import type { ReviewSearch } from "../list-review-items.js";

export interface OpenDuplicateReview {
  id: string;
  personId: string;
  otherPersonId: string;
  score: number;
  fields: FieldAgreement[];
  createdAt: Date;
}

export interface DuplicateReviewsPage {
  items: OpenDuplicateReview[];
  total: number;
  page: number;
  pageCount: number;
}

export const duplicateReviewsPerPage = 20;

const escapedLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Either person of the pair holds `held` (an `exists` over one person's rows). Written as two
 * `exists`, one per person, so that each looks the person's rows up through their index; one
 * `exists` over `person_id in (first, second)` was planned as a scan of the rows per pair (17 s
 * for 10,000 open pairs against 0.1 s).
 */
function eitherPerson(held: (personId: SQL) => SQL): SQL {
  return sql`(${held(sql`${peopleDuplicateReviews.personId}`)} or ${held(sql`${peopleDuplicateReviews.otherPersonId}`)})`;
}

/**
 * A name of the person whose comparable key holds every word of the search as the start of one of
 * its words: the register stores the comparable key of each name part, so Мамедов, Mammadov and
 * Məmmədov (all `mamadov`) find the same persons, and "Məmməd" finds them too.
 */
function nameCondition(value: string): SQL {
  const words = nameKeys(value).comparable.split(" ").filter(Boolean);
  if (words.length === 0) return sql`false`;
  const each = words.map(
    (word) =>
      sql`(' ' || n.given_comparable || ' ' || n.family_comparable) like ${`% ${escapedLike(word)}%`}`,
  );
  return eitherPerson(
    (personId) =>
      sql`exists (select 1 from people_names n where n.person_id = ${personId} and ${sql.join(each, sql` and `)})`,
  );
}

function searchCondition(search: ReviewSearch): SQL | undefined {
  switch (search.kind) {
    case "birthDate":
      return eitherPerson(
        (personId) =>
          sql`exists (select 1 from people_persons p where p.id = ${personId} and p.birth_date like ${`${search.value}%`})`,
      );
    case "document":
      return eitherPerson(
        (personId) =>
          sql`exists (select 1 from people_documents d where d.person_id = ${personId} and d.number = ${search.value})`,
      );
    case "name":
      return nameCondition(search.value);
    default:
      return undefined;
  }
}

/**
 * The open duplicate reviews of batch deduplication, oldest first and the best score first within
 * a run, a page at a time. A search reads the persons of the open pairs through the person index
 * of names, documents and persons; the open pairs are what the officers have not decided yet.
 */
export async function listOpenDuplicateReviews(
  db: Queryable,
  search: ReviewSearch,
  page: number,
): Promise<DuplicateReviewsPage> {
  const where = and(eq(peopleDuplicateReviews.status, "open"), searchCondition(search));
  const [counted] = await db.select({ total: count() }).from(peopleDuplicateReviews).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / duplicateReviewsPerPage));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db
    .select({
      id: peopleDuplicateReviews.id,
      personId: peopleDuplicateReviews.personId,
      otherPersonId: peopleDuplicateReviews.otherPersonId,
      score: peopleDuplicateReviews.score,
      fields: peopleDuplicateReviews.fields,
      createdAt: peopleDuplicateReviews.createdAt,
    })
    .from(peopleDuplicateReviews)
    .where(where)
    .orderBy(
      asc(peopleDuplicateReviews.createdAt),
      desc(peopleDuplicateReviews.score),
      asc(peopleDuplicateReviews.id),
    )
    .limit(duplicateReviewsPerPage)
    .offset((current - 1) * duplicateReviewsPerPage);
  return {
    items: rows.map((row) => ({ ...row, fields: row.fields as FieldAgreement[] })),
    total,
    page: current,
    pageCount,
  };
}
