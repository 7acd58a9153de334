import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { anyOf, type Database, queryRows } from "../../../platform/db/index.js";
import { ConflictError } from "../../../platform/errors/index.js";
import { type AuditActor, recordAudit } from "../../access/index.js";
import type { RegisterChangeFollower } from "../entry/register-changes.js";
import { MISSING_LEVEL } from "../matching/fellegi-sunter.js";
import { mergePersons } from "../operations/merge-persons.js";
import { registerComparisons, registerLevelNames } from "../register/scoring.js";
import type { RegisterDeduplication } from "./dedupe-register.js";
import type { DuplicatePair } from "./duplicate-pair.js";
import { peopleDuplicateReviews } from "./schema.js";

export interface DeduplicationApplied {
  /** Merges made: one per person merged into its cluster's survivor. */
  merges: number;
  /** Persons left alone because they had been merged meanwhile (a report older than the register). */
  skipped: number;
  /** Review items opened (a pair reviewed before is not opened again). */
  reviewsOpened: number;
}

export interface ApplyOptions {
  at?: Date;
  /** Told of each merge in its transaction, so that whoever counts persons (statistics) follows it. */
  follow?: RegisterChangeFollower;
  /** Called after each cluster: clusters done, of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** The person registered first (the one most references were made to), the smaller id on a tie. */
async function survivorOrder(db: Database, ids: string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from people_persons where id = ${anyOf(ids, "uuid")} order by created_at, id`,
  );
  return rows.map((row) => row.id);
}

/** Each field's agreement in words with its weight, as the review page shows it. */
export function agreementsOf(pair: DuplicatePair, weights: number[][]) {
  return pair.levels.map((level, field) => ({
    field: registerComparisons[field]?.name ?? String(field),
    agreement: level === MISSING_LEVEL ? "missing" : (registerLevelNames[field]?.[level] ?? String(level)),
    weight: level === MISSING_LEVEL ? 0 : (weights[field]?.[level] ?? 0),
  }));
}

/**
 * Carries out a deduplication: every cluster of linked persons is merged into its survivor (the
 * person registered first) through mergePersons, one merge per person, each audited and undoable
 * on its own; then every review-band pair whose persons were not merged together becomes an open
 * duplicate review. A person merged meanwhile is skipped, never merged twice. The run itself is
 * written to the audit trail with its counts.
 */
export async function applyDeduplication(
  db: Database,
  result: RegisterDeduplication,
  actor: AuditActor,
  options: ApplyOptions = {},
): Promise<DeduplicationApplied> {
  const at = options.at ?? new Date();
  const survivorOf = new Map<string, string>();
  let merges = 0;
  let skipped = 0;
  for (const [done, cluster] of result.clusters.entries()) {
    const [survivor, ...others] = await survivorOrder(db, cluster);
    if (!survivor) continue;
    const reason = `batch deduplication: one person with ${cluster.length - 1} other record(s)`;
    for (const merged of others) {
      try {
        await db.transaction(async (tx) => {
          await mergePersons(tx, survivor, merged, actor, reason, at);
          await options.follow?.(tx, [{ kind: "merged", from: merged, to: survivor }]);
        });
        survivorOf.set(merged, survivor);
        merges++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped++;
      }
    }
    options.onProgress?.(done + 1, result.clusters.length);
  }
  // A pair is reviewed as the persons its two records now live on.
  const followed = (id: string) => survivorOf.get(id) ?? id;
  const reviews = result.pairs.flatMap((pair) => {
    const [a, b] = pair.personIds.map(followed) as [string, string];
    if (pair.band !== "review" || a === b) return [];
    return [{ pair, personIds: a < b ? [a, b] : [b, a] }];
  });
  let reviewsOpened = 0;
  for (let index = 0; index < reviews.length; index += 500) {
    const opened = await db
      .insert(peopleDuplicateReviews)
      .values(
        reviews.slice(index, index + 500).map(({ pair, personIds }) => ({
          id: randomUUID(),
          personId: personIds[0] as string,
          otherPersonId: personIds[1] as string,
          score: pair.score,
          fields: agreementsOf(pair, result.weights),
          status: "open" as const,
          createdAt: at,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: peopleDuplicateReviews.id });
    reviewsOpened += opened.length;
  }
  await recordAudit(db, {
    actor,
    action: "people.deduplicated",
    outcome: "success",
    entityType: "people_register",
    details: { merges, skipped, reviewsOpened, clusters: result.clusters.length },
  });
  return { merges, skipped, reviewsOpened };
}
