import { z } from "zod";

/** The error body every JSON API answer uses (see the platform's error handler). */
export const apiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      reference: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe("An error: `code` is stable and machine-readable, `message` is for people.");

export const meResponse = z
  .object({
    id: z.uuid().describe("The account the key belongs to"),
    kind: z.enum(["public", "staff"]),
    roles: z.array(z.string()).describe("Role codes of the account"),
    permissions: z
      .array(z.string())
      .describe("What this caller may do: the account's permissions narrowed to the key's scopes"),
    apiKey: z
      .object({
        id: z.uuid(),
        scopes: z.array(z.string()),
      })
      .nullable()
      .describe("The key used for this request; null when called from a signed-in browser session"),
  })
  .describe("The caller");
