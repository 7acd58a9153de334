import type { RateLimit } from "../../../../platform/rate-limits/index.js";

/**
 * Every sign-up sends an e-mail to the address given: a few an hour to one address, so that nobody
 * can flood someone's mailbox through this form, and a ceiling per network address, counted in the
 * database so that every instance counts together (the route's own per-minute limit stays).
 */
export const signUpLimits = {
  perEmail: {
    name: "sign-up-email",
    max: 3,
    windowSeconds: 60 * 60,
    code: "too_many_sign_ups",
    messageKey: "auth.errors.signUpTooManyForEmail",
  },
  perAddress: {
    name: "sign-up-address",
    max: 20,
    windowSeconds: 60 * 60,
    code: "too_many_sign_ups",
    messageKey: "auth.errors.signUpTooManyFromAddress",
  },
} as const satisfies Record<string, RateLimit>;
