import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, UnauthenticatedError } from "../../../platform/http/index.js";
import { apiRateLimit } from "../../access/index.js";
import type { CasesModule } from "../module.js";
import { errorResponses, limits, withReadableProblems } from "./api-schemas.js";
import { requireScopeForCaseType } from "./case-api-scopes.js";
import { caseStatus, caseStatusSchema } from "./case-status.js";
import { createSubmittedCases, maxCasesPerRequest } from "./create-submitted-cases.js";
import { readCaseStatus } from "./read-case-status.js";

const typeCodeParam = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe("Case type code");

const answers = z
  .record(z.string(), z.unknown())
  .describe(
    "The answers to the case type's form, by question (field) name: text as strings, dates as YYYY-MM-DD, " +
      "countries as ISO 3166-1 alpha-2 codes, an address as { street, city, region, postcode } " +
      "with region empty or a code of the region list (ISO 3166-2:AZ, e.g. AZ-BA). " +
      "Questions that do not apply are left out; an unknown question is refused.",
  );

const idempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "Any unique string (a UUID) per intended creation. A retry with the same key and body creates " +
        "nothing new and answers 200 with the first answer; the same key with another body answers 422; " +
        "a retry while the first request is still running answers 409.",
    ),
});

/**
 * Creating cases is for systems holding an API key. Such requests carry no cookie that a forged
 * cross-site request could ride on, so the CSRF check is off for these routes, and a request
 * without a key is refused here (a browser session applies through the portal's forms).
 */
async function requireApiKey(request: FastifyRequest): Promise<void> {
  if (!request.usesApiKey || !request.principal?.apiKeyId) throw new UnauthenticatedError("api_key_required");
}

export interface CaseApiDependencies {
  cases: CasesModule;
}

/** JSON API of the case engine: create-and-submit for hosts' and employers' systems, and status. */
export async function registerCaseApiRoutes(app: FastifyInstance, { cases }: CaseApiDependencies) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = cases.guards.requireSignedIn;

  api.post(
    "/api/v1/cases/:typeCode",
    {
      schema: {
        tags: ["Cases"],
        summary: "Create and submit a case",
        description:
          "Creates a case of this type with the given answers and submits it, in one call: a host registers a " +
          "guest's stay (`stay-registration`, scope `stay-registrations:write`), an employer applies for an " +
          "employee (`work-permits:write`). The answers are checked exactly as on the portal; a type that needs " +
          `documents or a fee cannot be submitted here (422 \`documents_missing\`, \`fee_unpaid\`). ${limits}`,
        security: [{ apiKey: [] }],
        params: z.object({
          typeCode: typeCodeParam,
        }),
        headers: idempotencyHeaders,
        body: z.object({ answers }).strict(),
        response: { 200: caseStatusSchema, 201: caseStatusSchema, ...errorResponses },
      },
      config: { rateLimit: apiRateLimit, csrf: false },
      preHandler: [requireApiKey],
    },
    async (request, reply) => {
      const definition = cases.registry.latest(request.params.typeCode);
      if (!definition) throw new NotFoundError("unknown_case_type");
      await requireScopeForCaseType(cases.db, request, reply, definition, "write");
      const created = await withReadableProblems(request, () =>
        createSubmittedCases(cases.contextFor(request), definition.code, [request.body.answers], {
          idempotencyKey: request.headers["idempotency-key"],
        }),
      );
      const state = created.cases[0];
      if (!state) throw new Error("no case created");
      reply.header("location", `/api/v1/cases/${state.id}`);
      if (created.repeated) reply.header("idempotent-replayed", "true");
      return reply.status(created.repeated ? 200 : 201).send(caseStatus(state));
    },
  );

  api.get(
    "/api/v1/cases/:id",
    {
      schema: {
        tags: ["Cases"],
        summary: "Status of a case",
        description:
          "Where one of your own cases stands: its state, legal deadline, documents asked for and, once issued, " +
          "the decision. Another account's case answers 404. Needs the type's read or write scope " +
          `(\`stay-registrations:read\`, \`work-permits:read\`...). ${limits}`,
        security: [{ apiKey: [] }],
        params: z.object({ id: z.uuid().describe("The case id returned when the case was created") }),
        response: { 200: caseStatusSchema, ...errorResponses },
      },
      config: { rateLimit: apiRateLimit },
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const state = await readCaseStatus(cases.contextFor(request), request.params.id, (definition) =>
        requireScopeForCaseType(cases.db, request, reply, definition, "read"),
      );
      return caseStatus(state);
    },
  );

  api.get(
    "/api/v1/cases/:typeCode/:id",
    {
      schema: {
        tags: ["Cases"],
        summary: "Status of a case of a given type",
        description:
          "As `GET /api/v1/cases/{id}`, at the address that names the case's type (the one it was created at, " +
          "e.g. `/api/v1/cases/stay-registration/{id}`). A case of another type answers 404, as a case that " +
          `does not exist. ${limits}`,
        security: [{ apiKey: [] }],
        params: z.object({
          typeCode: typeCodeParam,
          id: z.uuid().describe("The case id returned when the case was created"),
        }),
        response: { 200: caseStatusSchema, ...errorResponses },
      },
      config: { rateLimit: apiRateLimit },
      preHandler: [signedIn],
    },
    async (request, reply) => {
      const state = await readCaseStatus(
        cases.contextFor(request),
        request.params.id,
        (definition) => requireScopeForCaseType(cases.db, request, reply, definition, "read"),
        { typeCode: request.params.typeCode },
      );
      return caseStatus(state);
    },
  );
}

export interface BulkCaseRoute {
  url: string;
  typeCode: string;
  tag: string;
  summary: string;
  description: string;
}

/**
 * A batch endpoint for one case type (e.g. a hotel registering the night's arrivals): up to
 * `maxCasesPerRequest` cases, all created or none.
 */
export async function registerBulkCaseRoute(
  app: FastifyInstance,
  { cases }: CaseApiDependencies,
  route: BulkCaseRoute,
): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    route.url,
    {
      schema: {
        tags: [route.tag],
        summary: route.summary,
        description:
          `${route.description} Up to ${maxCasesPerRequest} items, all or nothing: when any item has a problem, ` +
          `nothing is created and the 422 answer lists every problem with its item's index. ${limits}`,
        security: [{ apiKey: [] }],
        headers: idempotencyHeaders,
        body: z
          .object({ items: z.array(z.object({ answers }).strict()).min(1).max(maxCasesPerRequest) })
          .strict(),
        response: {
          200: z.object({ cases: z.array(caseStatusSchema) }),
          201: z.object({ cases: z.array(caseStatusSchema).describe("In the order of the items") }),
          ...errorResponses,
        },
      },
      config: { rateLimit: apiRateLimit, csrf: false },
      preHandler: [requireApiKey],
    },
    async (request, reply) => {
      const definition = cases.registry.latest(route.typeCode);
      if (!definition) throw new NotFoundError("unknown_case_type");
      await requireScopeForCaseType(cases.db, request, reply, definition, "write");
      const created = await withReadableProblems(
        request,
        () =>
          createSubmittedCases(
            cases.contextFor(request),
            definition.code,
            request.body.items.map((item) => item.answers),
            { idempotencyKey: request.headers["idempotency-key"] },
          ),
        { batch: true },
      );
      if (created.repeated) reply.header("idempotent-replayed", "true");
      return reply.status(created.repeated ? 200 : 201).send({ cases: created.cases.map(caseStatus) });
    },
  );
}
