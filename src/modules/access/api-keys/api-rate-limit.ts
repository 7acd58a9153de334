import type { FastifyRequest } from "fastify";
import { apiKeyPrefix, bearerToken } from "./api-key-format.js";

/**
 * Requests per minute per API key on each JSON API route. Requests without a key are counted per
 * IP address instead. The global limit (600 a minute per address) covers everything else.
 */
export const apiRequestsPerMinute = 120;

/** Counts by key prefix, so that one busy integration cannot use up another's share. */
export function apiRateLimitKey(request: FastifyRequest): string {
  const prefix = apiKeyPrefix(bearerToken(request.headers.authorization) ?? "");
  return prefix ? `api-key:${prefix}` : `ip:${request.ip}`;
}

/** Route config for JSON API routes: `config: { rateLimit: apiRateLimit }`. */
export const apiRateLimit = {
  max: apiRequestsPerMinute,
  timeWindow: 60_000,
  keyGenerator: apiRateLimitKey,
};
