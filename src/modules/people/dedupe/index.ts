/**
 * Batch deduplication of the register (`karvan people dedupe`): find the persons registered more than
 * once, report them, merge the clusters of linked persons and open reviews for the pairs in between.
 */
export {
  type ApplyOptions as DeduplicationApplyOptions,
  applyDeduplication,
  type DeduplicationApplied,
} from "./apply-deduplication.js";
export {
  type DuplicateDecision,
  type DuplicateReviewOutcome,
  decideDuplicateReview,
} from "./decide-duplicate-review.js";
export { type DedupeOptions, dedupeRegister, type RegisterDeduplication } from "./dedupe-register.js";
export { writeDedupeReport } from "./dedupe-report.js";
export type { DuplicatePair } from "./duplicate-pair.js";
