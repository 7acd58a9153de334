import { z } from "zod";
import { auditOutcomes } from "../audit-filters.js";

const recordView = z.object({
  id: z.number().int(),
  at: z.string().describe("ISO 8601, UTC"),
  actor: z.object({
    type: z.enum(["user", "api_key", "system", "anonymous"]),
    id: z.string().nullable(),
  }),
  action: z.string(),
  outcome: z.enum(auditOutcomes),
  entity: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
  agencyId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});

export const searchResponse = z.object({
  records: z.array(recordView),
  nextBefore: z
    .number()
    .int()
    .nullable()
    .describe("pass as `before` for the next (older) page; null on the last page"),
});
