import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiRateLimit } from "../../../access/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import {
  endFromApi,
  extendFromApi,
  placeFromApi,
  readPlacement,
  reviewFromApi,
  staysNeedingAttention,
} from "./detention-api-handlers.js";
import { centresWithOccupancy, listStaysFromApi, occupancyCsv } from "./detention-api-lists.js";
import {
  centreOccupancySchema,
  errorResponses,
  formBody,
  listedStaySchema,
  occupancyQuery,
  placementFileSchema,
  placementParams,
  staffApi,
  stayAtRiskSchema,
  stayListQuery,
} from "./detention-api-schemas.js";

const tags = ["Detention"];
const fileAnswer = { 200: placementFileSchema, ...errorResponses };

/**
 * The detention register's JSON API, over the same operations as its pages: the operations check
 * `detention.manage` and the officer's agency, and audit every read of a placement.
 */
export function registerDetentionApi(app: FastifyInstance, services: EnforcementServices): void {
  registerDetentionApiReads(app, services);
  registerOccupancyApi(app, services);
  registerDetentionApiChanges(app, services);
}

function registerDetentionApiReads(app: FastifyInstance, services: EnforcementServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { rateLimit: apiRateLimit },
    preHandler: [services.enforcement.guards.requireSignedIn],
  };
  const base = "/api/v1/detention/placements";

  api.get(
    base,
    {
      ...options,
      schema: {
        tags,
        summary: "The register: all stays",
        description:
          "Every stay, running and ended, that the officer's agency made (all with `scope.all_agencies`), " +
          "filtered and paged: running stays first by their next legal date (overdue ones first), then ended " +
          "stays, the latest ended first. The list and each person shown are audited. A filter that is not " +
          `valid answers 400 \`detention_filter_invalid\` naming it. ${staffApi}`,
        querystring: stayListQuery,
        response: {
          200: z.object({
            today: z.string(),
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            limit: z.number().int(),
            placements: z.array(listedStaySchema),
          }),
          ...errorResponses,
        },
      },
    },
    (request) => listStaysFromApi(services, request),
  );
  api.get(
    `${base}/attention`,
    {
      ...options,
      schema: {
        tags,
        summary: "Stays needing attention",
        description: `The running stays that are overdue or whose notice day has come, overdue first. ${staffApi}`,
        querystring: z.object({
          centre: z.string().max(64).optional().describe("A centre's code or id"),
          standing: z.enum(["overdue", "due_soon"]).optional(),
        }),
        response: {
          200: z.object({ today: z.string(), placements: z.array(stayAtRiskSchema) }),
          ...errorResponses,
        },
      },
    },
    (request) => staysNeedingAttention(services, request, request.query),
  );
  api.get(
    `${base}/:id`,
    {
      ...options,
      schema: {
        tags,
        summary: "One placement with its time limits",
        description: `The stay, its extensions, reviews and time limits. The read is audited. ${staffApi}`,
        params: placementParams,
        response: fileAnswer,
      },
    },
    (request) => readPlacement(services, request, request.params.id),
  );
}

function registerOccupancyApi(app: FastifyInstance, services: EnforcementServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { rateLimit: apiRateLimit },
    preHandler: [services.enforcement.guards.requireSignedIn],
  };
  const period =
    "A period that is not valid (a date that is not one, an end before the start or after today, more " +
    "than a year) answers 400 `detention_period_invalid` naming the field.";
  api.get(
    "/api/v1/detention/centres",
    {
      ...options,
      schema: {
        tags,
        summary: "Centres and their occupancy",
        description: `Each centre with its capacity and, on each day of the period, the people present at the day's end, arrivals and releases. ${period} ${staffApi}`,
        querystring: occupancyQuery,
        response: {
          200: z.object({ from: z.string(), to: z.string(), centres: z.array(centreOccupancySchema) }),
          ...errorResponses,
        },
      },
    },
    (request) => centresWithOccupancy(services, request),
  );
  api.get(
    "/api/v1/detention/centres/occupancy.csv",
    {
      ...options,
      schema: {
        tags,
        summary: "Occupancy as a CSV file",
        description: `The same figures, one line per centre and day (UTF-8 with a byte-order mark, headed in the request's language). ${period} ${staffApi}`,
        querystring: occupancyQuery,
        produces: ["text/csv"],
        response: { 200: z.string().describe("CSV"), ...errorResponses },
      },
    },
    (request, reply) => occupancyCsv(services, request, reply),
  );
}

function registerDetentionApiChanges(app: FastifyInstance, services: EnforcementServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { rateLimit: apiRateLimit },
    preHandler: [services.enforcement.guards.requireSignedIn],
  };
  const base = "/api/v1/detention/placements";

  api.post(
    base,
    {
      ...options,
      schema: {
        tags,
        summary: "Place a person in a centre",
        description:
          "Fields as the page's form: `personId` (a person of the register, or `new` with `fullName`, " +
          "`birthDate`, `citizenship`, `documentNumber`), `centreId`, `legalBasis`, `orderingAuthority`, " +
          "`courtDecisionReference`, `startDate` and optionally `permittedUntil` (at most the law's first " +
          `period: 422 \`detention_period_beyond_initial\` otherwise). ${staffApi}`,
        body: formBody("The placement"),
        response: { 201: placementFileSchema, ...errorResponses },
      },
    },
    (request, reply) => placeFromApi(services, request, reply),
  );
  api.post(
    `${base}/:id/extensions`,
    {
      ...options,
      schema: {
        tags,
        summary: "Extend a placement",
        description:
          "multipart/form-data: `newUntil`, `decisionReference`, `decidedBy`, `decidedOn` and the decision's " +
          "document as `decisionDocument` (PDF, JPEG or PNG). Beyond the law's maximum total or one " +
          `extension's length it is refused (422, naming the last lawful day). ${staffApi}`,
        params: placementParams,
        response: fileAnswer,
      },
    },
    (request) => extendFromApi(services, request, request.params.id),
  );
  api.post(
    `${base}/:id/reviews`,
    {
      ...options,
      schema: {
        tags,
        summary: "Record a periodic review",
        description: `\`reviewedOn\`, \`outcome\` (continue, release, extension_needed), \`notes\`. ${staffApi}`,
        params: placementParams,
        body: formBody("The review"),
        response: fileAnswer,
      },
    },
    (request) => reviewFromApi(services, request, request.params.id),
  );
  api.post(
    `${base}/:id/end`,
    {
      ...options,
      schema: {
        tags,
        summary: "Release or remove",
        description: `\`endKind\` (released, removed), \`endedOn\`, \`endRecord\`. ${staffApi}`,
        params: placementParams,
        body: formBody("The end of the stay"),
        response: fileAnswer,
      },
    },
    (request) => endFromApi(services, request, request.params.id),
  );
}
