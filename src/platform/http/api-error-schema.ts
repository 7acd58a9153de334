import { z } from "zod";

/**
 * The error body of every JSON API answer, as the platform's error handler writes it, for an API's
 * OpenAPI description; `codes` says which codes that API answers and what their details hold.
 */
export function apiErrorSchema(codes: string) {
  return z
    .object({
      error: z.object({
        code: z.string().describe("Stable and machine-readable"),
        message: z.string().describe("For people, in the language of the request"),
        reference: z.string().describe("Quote it when you contact support; the logs carry it"),
        details: z.record(z.string(), z.unknown()).optional(),
      }),
    })
    .describe(`An error. ${codes}`);
}
