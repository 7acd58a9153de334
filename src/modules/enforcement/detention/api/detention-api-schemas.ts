import { z } from "zod";
import { apiErrorSchema } from "../../../../platform/http/index.js";
import { apiRequestsPerMinute } from "../../../access/index.js";

/** The error body of every JSON API answer (the platform's error handler writes it). */
const apiError = apiErrorSchema(
  "`detention_body_invalid` (422) lists `details.problems`: `{ field, messageKey, message }` for " +
    "each field missing or not valid; so do `detention_filter_invalid` and `detention_period_invalid` (400) " +
    "for a filter or a period of the query that is not valid; a period beyond the law's limits answers 422 with the limit's code " +
    "(`detention_period_beyond_initial`, `detention_extension_beyond_maximum`, `detention_extension_too_long`) " +
    "and `details.lastLawfulDay`.",
);

export const errorResponses = {
  400: apiError,
  401: apiError,
  403: apiError,
  404: apiError,
  409: apiError,
  422: apiError,
};

export const staffApi =
  "Needs a staff session holding `detention.manage` (403 otherwise, audited); a change carries the CSRF " +
  `token in an \`x-csrf-token\` header. Each key or session may make ${apiRequestsPerMinute} requests a ` +
  "minute to each endpoint (429 beyond).";

export const placementParams = z.object({ id: z.uuid().describe("The placement's id") });

/** Fields are checked by the register's own form rules in the handler, so that a bad one answers 422 naming it. */
export const formBody = (description: string) => z.record(z.string(), z.unknown()).describe(description);

const personSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    birthDate: z.string().nullable(),
    citizenships: z.array(z.string()),
    documents: z.array(z.string()),
  })
  .nullable();

const centreSchema = z.object({
  id: z.string(),
  code: z.string(),
  names: z.object({ az: z.string(), en: z.string(), ru: z.string() }),
  region: z.string(),
  capacity: z.number().int(),
});

export const placementSchema = z.object({
  id: z.string(),
  personId: z.string(),
  centreId: z.string(),
  legalBasis: z.string(),
  orderingAuthority: z.string(),
  courtDecisionReference: z.string(),
  startDate: z.string(),
  initialUntil: z.string().describe("Last day of the first period"),
  permittedUntil: z.string().describe("Last lawful day of the stay as extended so far"),
  status: z.enum(["placed", "released", "removed"]),
  endedOn: z.string().nullable(),
});

export const placementFileSchema = z.object({
  placement: placementSchema,
  person: personSchema,
  centre: centreSchema.nullable(),
  standing: z.string().describe("`in_time`, `notice_due`... `overdue`, or `ended`"),
  timeLimits: z.object({
    today: z.string(),
    noticeDate: z.string().describe("The working day the centre's head is told the period ends"),
    releaseDue: z.string().describe("The day the person must be released unless extended"),
    longestExtension: z.string().describe("The latest day an extension recorded now may reach"),
    absoluteLimit: z.string().describe("The law's maximum total"),
  }),
  extensions: z.array(
    z.object({
      id: z.string(),
      previousUntil: z.string(),
      newUntil: z.string(),
      decisionReference: z.string(),
      decidedBy: z.string(),
      decidedOn: z.string(),
      documentName: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({ id: z.string(), reviewedOn: z.string(), outcome: z.string(), notes: z.string() }),
  ),
});

export const stayAtRiskSchema = z.object({
  placement: placementSchema,
  person: personSchema,
  centreCode: z.string().nullable(),
  standing: z.string(),
  noticeDate: z.string(),
  daysOver: z.number().int().describe("Calendar days past the last lawful day"),
});

export const centreOccupancySchema = centreSchema.extend({
  days: z.array(
    z.object({
      date: z.string(),
      present: z.number().int(),
      arrivals: z.number().int(),
      releases: z.number().int(),
    }),
  ),
});

export const listedStaySchema = z.object({
  placement: placementSchema,
  person: personSchema,
  centreCode: z.string().nullable(),
  standing: z
    .enum(["in_time", "expiring", "due_today", "overdue", "ended"])
    .describe("Where the stay stands today; `ended` once released or removed"),
  noticeDate: z.string().nullable().describe("The working day the centre's head is told the period ends"),
  nextLegalDate: z
    .string()
    .nullable()
    .describe("The notice day until it has passed, then the last lawful day; null for an ended stay"),
  daysOver: z.number().int().describe("Calendar days past the last lawful day"),
});

const queryText = (description: string) => z.string().optional().describe(description);

/** Checked by the register's own filter rules in the handler, so that a bad one answers 400 naming it. */
export const stayListQuery = z.object({
  q: queryText(
    "A name (given name and surname, any script), a register id, a document number or a court case number",
  ),
  centre: queryText("A centre's code or id"),
  status: queryText("`placed` (in detention), `released` or `removed`"),
  overdue: queryText("`true`: only stays held beyond their last lawful day"),
  from: queryText("With `to`: stays in detention on at least one day of the period (YYYY-MM-DD)"),
  to: queryText("The period's last day (YYYY-MM-DD)"),
  page: queryText("1 for the first page"),
  limit: queryText("Stays on a page, 1 to 200 (50 if not given)"),
});

export const occupancyQuery = z.object({
  from: queryText("The period's first day (YYYY-MM-DD); the last 7 days up to today if no period is given"),
  to: queryText("The period's last day, at most today and at most a year after `from`"),
});
