import { sameOriginPath } from "../../../platform/http/index.js";

/**
 * Where to go after signing in: a path on this service only (see `sameOriginPath`), so a link with
 * `?next=` cannot send people to another site after they trusted our sign-in page.
 */
export function safeNextPath(next: unknown): string | null {
  const path = sameOriginPath(next);
  if (path === null) return null;
  // Coming back to a sign-in step after signing in would loop.
  if (/^\/(sign-in|sign-out|sign-up)(\/|$|\?|#)/.test(path)) return null;
  return path;
}
