export type { RateLimit } from "./rate-limiter.js";
export { hitRateLimit, RateLimitedError } from "./rate-limiter.js";
