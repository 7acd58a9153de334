import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiRateLimit } from "../../../access/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import {
  centresWithOccupancy,
  endFromApi,
  extendFromApi,
  listPlacements,
  placeFromApi,
  readPlacement,
  reviewFromApi,
} from "./detention-api-handlers.js";
import {
  centreOccupancySchema,
  errorResponses,
  formBody,
  placementFileSchema,
  placementParams,
  staffApi,
  stayAtRiskSchema,
} from "./detention-api-schemas.js";

const tags = ["Detention"];
const fileAnswer = { 200: placementFileSchema, ...errorResponses };

/**
 * The detention register's JSON API, over the same operations as its pages: the operations check
 * `detention.manage` and the officer's agency, and audit every read of a placement.
 */
export function registerDetentionApi(app: FastifyInstance, services: EnforcementServices): void {
  registerDetentionApiReads(app, services);
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
    (request) => listPlacements(services, request, request.query),
  );
  api.get(
    "/api/v1/detention/centres",
    {
      ...options,
      schema: {
        tags,
        summary: "Centres and their occupancy",
        description: `Each centre with the people present, arrivals and releases on each of the last 7 days. ${staffApi}`,
        response: {
          200: z.object({ today: z.string(), centres: z.array(centreOccupancySchema) }),
          ...errorResponses,
        },
      },
    },
    (request) => centresWithOccupancy(services, request),
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
