import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiErrorSchema } from "../../../../platform/http/index.js";
import { apiRateLimit, apiRequestsPerMinute } from "../../../access/index.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { requestStatuses } from "../request-record.js";
import {
  listRequests,
  readOne,
  registerFromApi,
  replyFromApi,
  transferFromApi,
  transfersDue,
} from "./readmission-api-handlers.js";

const apiError = apiErrorSchema(
  "`readmission_body_invalid` (422) lists `details.problems`: `{ field, messageKey, message }` " +
    "for each field missing or not valid; a step the request's status does not allow answers 409.",
);
const errorResponses = {
  400: apiError,
  401: apiError,
  403: apiError,
  404: apiError,
  409: apiError,
  422: apiError,
};

const staffApi =
  "Needs a staff session holding `readmission.manage` (403 otherwise, audited); a change carries the CSRF " +
  `token in an \`x-csrf-token\` header. At most ${apiRequestsPerMinute} requests a minute to each endpoint (429 beyond).`;

const requestSchema = z
  .looseObject({
    id: z.string(),
    reference: z.string(),
    direction: z.enum(["in", "out"]),
    partnerState: z.string(),
    status: z.enum(requestStatuses),
    requestDue: z.string().nullable(),
    replyDue: z.string().nullable(),
    extendedReplyDue: z.string().nullable(),
    transferDue: z.string().nullable(),
    travelDocumentDue: z.string().nullable(),
  })
  .describe("A request with its person, its dates and its deadlines (YYYY-MM-DD)");
const fileSchema = z.object({
  request: requestSchema,
  correspondence: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      direction: z.enum(["sent", "received", "internal"]),
      onDate: z.string(),
      note: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
const listSchema = z.object({ requests: z.array(requestSchema) });
const params = z.object({ id: z.uuid().describe("The request's id") });
const formBody = (description: string) => z.record(z.string(), z.unknown()).describe(description);
const tags = ["Readmission"];

/**
 * The readmission register's JSON API, over the same operations as its pages: they check
 * `readmission.manage` and the officer's agency, and audit every read.
 */
export function registerReadmissionApi(app: FastifyInstance, module: ReadmissionModule): void {
  registerReadmissionApiReads(app, module);
  registerReadmissionApiChanges(app, module);
}

function registerReadmissionApiReads(app: FastifyInstance, module: ReadmissionModule): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = { config: { rateLimit: apiRateLimit }, preHandler: [module.guards.requireSignedIn] };
  const base = "/api/v1/readmission/requests";
  const schema = (summary: string, description: string) => ({
    tags,
    summary,
    description: `${description} ${staffApi}`,
  });

  api.get(
    base,
    {
      ...options,
      schema: {
        ...schema(
          "Requests",
          "The requests of the officer's agency; `status=deemed_agreed` lists deemed agreements.",
        ),
        querystring: z.object({
          direction: z.enum(["in", "out"]).optional(),
          partner: z.string().max(2).optional().describe("The partner state's ISO 3166-1 alpha-2 code"),
          status: z.enum(requestStatuses).optional(),
        }),
        response: { 200: listSchema, ...errorResponses },
      },
    },
    (request) => listRequests(module, request, request.query),
  );
  api.get(
    "/api/v1/readmission/transfers-due",
    {
      ...options,
      schema: {
        ...schema("Transfers due", "Requests agreed or deemed agreed whose transfer is yet to be arranged."),
        response: { 200: listSchema, ...errorResponses },
      },
    },
    (request) => transfersDue(module, request),
  );
  api.get(
    `${base}/:id`,
    {
      ...options,
      schema: {
        ...schema(
          "One request with its deadlines",
          "The request, its deadlines and its log. The read is audited.",
        ),
        params,
        response: { 200: fileSchema, ...errorResponses },
      },
    },
    (request) => readOne(module, request, request.params.id),
  );
}

function registerReadmissionApiChanges(app: FastifyInstance, module: ReadmissionModule): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = { config: { rateLimit: apiRateLimit }, preHandler: [module.guards.requireSignedIn] };
  const base = "/api/v1/readmission/requests";
  const schema = (summary: string, description: string) => ({
    tags,
    summary,
    description: `${description} ${staffApi}`,
  });

  api.post(
    base,
    {
      ...options,
      schema: {
        ...schema(
          "Register a request",
          "Outgoing (`direction: out`) or incoming (`in`), with the common form's fields as the page takes them.",
        ),
        body: formBody("The request"),
        response: { 201: fileSchema, ...errorResponses },
      },
    },
    (request, reply) => registerFromApi(module, request, reply),
  );
  api.post(
    `${base}/:id/reply`,
    {
      ...options,
      schema: {
        ...schema(
          "Record the reply",
          "`decision` (agree, refuse), `onDate`, `reasons` (needed for a refusal).",
        ),
        params,
        body: formBody("The reply"),
        response: { 200: fileSchema, ...errorResponses },
      },
    },
    (request) => replyFromApi(module, request, request.params.id),
  );
  api.post(
    `${base}/:id/transfer`,
    {
      ...options,
      schema: {
        ...schema("Record the transfer", "`transferOn`, `borderCrossingPoint`, `escort`."),
        params,
        body: formBody("The transfer"),
        response: { 200: fileSchema, ...errorResponses },
      },
    },
    (request) => transferFromApi(module, request, request.params.id),
  );
}
