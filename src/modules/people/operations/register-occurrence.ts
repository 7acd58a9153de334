import { randomUUID } from "node:crypto";
import type { Queryable } from "../../../platform/db/index.js";
import { DomainError } from "../../../platform/errors/index.js";
import {
  matchViewOf,
  type OccurrenceSource,
  type PersonOccurrence,
  sourceKeyOf,
} from "../register/occurrence.js";
import {
  addWhatIsNew,
  createPerson,
  linkOfSource,
  linkSource,
  reviewItemOfSource,
} from "../register/repository.js";
import { peopleReviewItems } from "../schema.js";
import { type Candidate, findCandidates } from "./find-candidates.js";

/** Scores (sums of log2 likelihood ratios): at or above `link` link at once, at or above `review` an officer decides. */
export interface RegisterThresholds {
  link: number;
  review: number;
}

/** The thresholds as configured (KARVAN_PEOPLE_LINK_SCORE, KARVAN_PEOPLE_REVIEW_SCORE). */
export function registerThresholdsOf(config: {
  peopleLinkScore: number;
  peopleReviewScore: number;
}): RegisterThresholds {
  return { link: config.peopleLinkScore, review: config.peopleReviewScore };
}

export type RegistrationBand = "linked" | "review" | "new";

export interface Registration {
  band: RegistrationBand;
  /** The person the source is linked to; null while its review item is open. */
  personId: string | null;
  /** The review item of the source, when it went to review. */
  reviewId: string | null;
  /** The candidates scored (empty when the source had been registered before). */
  candidates: Candidate[];
}

export interface RegisterOptions {
  thresholds: RegisterThresholds;
  at?: Date;
}

const candidatesKept = 10;

/**
 * Enters an occurrence into the register: linked to the best candidate when it scores at least the
 * link threshold; sent to review (no person created yet) when it scores at least the review
 * threshold; otherwise a new person. Idempotent per source: registering a source again writes
 * nothing and tells where it stands now (linked, still in review, or linked by the review's decision).
 * Runs in a transaction of its own, or as a savepoint of the caller's (a case's submission).
 */
export async function registerOccurrence(
  db: Queryable,
  occurrence: PersonOccurrence,
  source: OccurrenceSource,
  options: RegisterOptions,
): Promise<Registration> {
  const view = matchViewOf(occurrence);
  if (!view.name && !view.documentNumber) {
    throw new DomainError("person_occurrence_empty", 422, "people.errors.person_occurrence_empty");
  }
  const at = options.at ?? new Date();
  return db.transaction(async (tx) => {
    const before = await registrationOfSource(tx, source);
    if (before) return before;
    const candidates = await findCandidates(tx, occurrence, { limit: candidatesKept });
    const best = candidates[0];
    if (best && best.score >= options.thresholds.link) {
      await addWhatIsNew(tx, best.personId, occurrence, at);
      await linkSource(tx, source, best.personId, "auto", at);
      return { band: "linked", personId: best.personId, reviewId: null, candidates };
    }
    if (best && best.score >= options.thresholds.review) {
      const reviewId = randomUUID();
      await tx.insert(peopleReviewItems).values({
        id: reviewId,
        sourceKey: sourceKeyOf(source),
        source: { ...source },
        occurrence: { ...occurrence },
        caseId: source.kind === "case" ? source.caseId : null,
        candidates,
        status: "open",
        createdAt: at,
      });
      return { band: "review", personId: null, reviewId, candidates };
    }
    const personId = await createPerson(tx, occurrence, at);
    await linkSource(tx, source, personId, "new", at);
    return { band: "new", personId, reviewId: null, candidates };
  });
}

async function registrationOfSource(
  db: Queryable,
  source: OccurrenceSource,
): Promise<Registration | undefined> {
  const link = await linkOfSource(db, source);
  const review = await reviewItemOfSource(db, sourceKeyOf(source));
  if (link) {
    const band = link.how === "new" ? "new" : "linked";
    return { band, personId: link.personId, reviewId: review?.id ?? null, candidates: [] };
  }
  if (review) {
    return {
      band: "review",
      personId: null,
      reviewId: review.id,
      candidates: review.candidates as Candidate[],
    };
  }
  return undefined;
}
