import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKey } from "../src/modules/access/api-keys/api-key-format.js";
import { createUser, systemActor } from "../src/modules/access/index.js";
import { apiKeys } from "../src/modules/access/schema.js";
import type { CaseTypeDefinition } from "../src/modules/cases/index.js";
import { ManualClock } from "../src/platform/clock/index.js";
import { queryRows } from "../src/platform/db/index.js";
import { fieldsToSpoil, hostileAnswer, hostileString, validAnswersOf } from "./support/hostile-values.js";
import { storedAnswerViolations } from "./support/stored-answers.js";
import { createTestApp, type TestApp } from "./support/test-app.js";

/**
 * Every JSON body the API takes, fed hostile values: whatever arrives, the answer is a 4xx with a
 * code (never a 5xx), and nothing that breaks the rules of answers reaches the database.
 */

const clock = new ManualClock("2026-03-02T08:00:00Z"); // noon in Baku
const today = "2026-03-02";
let app: TestApp;
let key: string;
let draftId: string;
let stayRegistration: CaseTypeDefinition;
let workPermit: CaseTypeDefinition;

interface BodyRoute {
  method: "POST" | "PUT";
  path: string;
  /** Top-level property names of the body, from the OpenAPI document. */
  properties: string[];
}
let routes: BodyRoute[] = [];

/** Each request from another address of the loopback range, so that rate limits never hide a failure. */
let requestNumber = 0;
function send(method: string, url: string, payload: string | object, headers: Record<string, string> = {}) {
  requestNumber++;
  return app.karvan.server.inject({
    method: method as "POST",
    url,
    remoteAddress: `127.1.${(requestNumber >> 8) & 255}.${requestNumber & 255}`,
    headers: {
      authorization: `Bearer ${key}`,
      accept: "application/json",
      "content-type": "application/json",
      ...headers,
    },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
}

async function caseCount(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.karvan.database.db,
    sql`select count(*)::int as n from cases`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const { id } = await createUser(
    { db: app.karvan.database.db, clock, actor: systemActor },
    {
      email: "desk@caspian-pearl.az",
      fullName: "Reception desk",
      password: "Correct-horse-battery-9",
      kind: "public",
      roles: ["host_employer"],
      status: "active",
    },
  );
  const material = generateApiKey();
  await app.karvan.database.db.insert(apiKeys).values({
    userId: id,
    name: "Reception system",
    prefix: material.prefix,
    keyHash: material.hash,
    scopes: [
      "stay-registrations:write",
      "stay-registrations:read",
      "work-permits:write",
      "work-permits:read",
    ],
  });
  key = material.key;
  stayRegistration = app.karvan.cases.registry.latest("stay-registration") as CaseTypeDefinition;
  workPermit = app.karvan.cases.registry.latest("work-permit") as CaseTypeDefinition;

  const draft = await send("POST", "/api/v1/applications", { typeCode: "work-permit" });
  expect(draft.statusCode).toBe(201);
  draftId = draft.json().id;

  await app.karvan.server.ready();
  const document = app.karvan.server.swagger() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation.requestBody?.content["application/json"])
      .map(([method, operation]) => {
        const schema = operation.requestBody?.content["application/json"]?.schema as {
          properties?: Record<string, unknown>;
        };
        return {
          method: method.toUpperCase() as "POST" | "PUT",
          path,
          properties: Object.keys(schema?.properties ?? {}),
        };
      }),
  );
});

afterAll(async () => {
  await app?.close();
});

const guest = (overrides: Record<string, unknown> = {}) => ({
  guestFullName: "Mehmet Yilmaz",
  guestBirthDate: "1987-04-12",
  guestCitizenship: "TR",
  guestPassportNumber: "U12345678",
  arrivalDate: "2026-02-27",
  departureDate: "2026-03-20",
  accommodation: "hotel",
  hostName: "Caspian Pearl Hotel",
  stayAddress: { street: "Neftchilar avenue 12", city: "Baku", region: "AZ-BA", postcode: "AZ1000" },
  ...overrides,
});

describe("a guest registration that breaks a rule is refused and nothing is stored", () => {
  it.each([
    ["an object as the name", { guestFullName: { first: "Mehmet" } }, "guestFullName", "cases.answers.text"],
    ["a list as the choice", { accommodation: ["hotel"] }, "accommodation", "cases.answers.choose"],
    [
      "a name of zero-width spaces",
      { guestFullName: "\u200b\u200b\u200b" },
      "guestFullName",
      "cases.answers.invisibleOnly",
    ],
    [
      "a name with a right-to-left override",
      { guestFullName: "Mehmet \u202eznuY" },
      "guestFullName",
      "cases.answers.controlCharacters",
    ],
    [
      "a departure on 9999-12-31",
      { departureDate: "9999-12-31" },
      "departureDate",
      "cases.answers.dateTooLate",
    ],
    [
      "a departure after 90 days of stay",
      { departureDate: "2026-05-28" },
      "departureDate",
      "cases.answers.dateTooLate",
    ],
    ["an arrival years ago", { arrivalDate: "2021-06-01" }, "arrivalDate", "cases.answers.dateTooEarly"],
    ["an arrival 16 days ago", { arrivalDate: "2026-02-14" }, "arrivalDate", "cases.answers.dateTooEarly"],
    [
      "a birth on 0000-01-01",
      { guestBirthDate: "0000-01-01" },
      "guestBirthDate",
      "cases.answers.dateTooEarly",
    ],
    [
      "an address part as an object",
      { stayAddress: { street: { no: 1 }, city: "Baku" } },
      "stayAddress",
      "cases.answers.text",
    ],
  ])("%s", async (_name, overrides, field, messageKey) => {
    const before = await caseCount();
    const response = await send("POST", "/api/v1/cases/stay-registration?lang=en", {
      answers: guest(overrides),
    });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe("answers_invalid");
    expect(error.details.problems).toEqual([expect.objectContaining({ field, messageKey })]);
    expect(error.details.problems[0].message).not.toContain("{{");
    expect(await caseCount()).toBe(before);
  });

  it("accepts the last day the law allows: arrival 15 days ago, departure on the 90th day", async () => {
    const response = await send("POST", "/api/v1/cases/stay-registration", {
      answers: guest({ arrivalDate: "2026-02-15", departureDate: "2026-05-15" }),
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().decision.validTo).toBe("2026-05-15");
  });

  it("refuses a NUL byte with 422 naming the field, in every language", async () => {
    const before = await caseCount();
    for (const lang of ["az", "en", "ru"]) {
      const response = await send("POST", `/api/v1/cases/stay-registration?lang=${lang}`, {
        answers: guest({ guestFullName: "Mehmet\u0000Yilmaz" }),
      });
      expect(response.statusCode).toBe(422);
      const error = response.json().error;
      expect(error.code).toBe("invalid_characters");
      expect(error.details.problems).toEqual([
        expect.objectContaining({
          field: "answers.guestFullName",
          messageKey: "errors.invalid_characters_field",
        }),
      ]);
      expect(error.message).toContain("answers.guestFullName");
      expect(error.details.problems[0].message).not.toBe("errors.invalid_characters_field");
    }
    expect(await caseCount()).toBe(before);
  });

  it("refuses a body nested 50,000 levels deep (400 json_too_deep) and malformed JSON (400 json_invalid)", async () => {
    const before = await caseCount();
    const deep = `{"answers":{"guestFullName":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`;
    const tooDeep = await send("POST", "/api/v1/cases/stay-registration", deep);
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error).toMatchObject({ code: "json_too_deep", details: { maxDepth: 32 } });
    const deepObject = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    expect((await send("POST", "/api/v1/stay-registrations/bulk", deepObject)).json().error.code).toBe(
      "json_too_deep",
    );
    const malformed = await send("POST", "/api/v1/cases/stay-registration", '{"answers": {"guestFullName": ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("json_invalid");
    const poisoned = await send("POST", "/api/v1/cases/stay-registration", '{"__proto__": {"admin": true}}');
    expect(poisoned.json().error.code).toBe("json_invalid");
    expect(await caseCount()).toBe(before);
  });

  it("refuses the same problems in a batch, by item, and creates none of the batch", async () => {
    const before = await caseCount();
    const response = await send("POST", "/api/v1/stay-registrations/bulk?lang=en", {
      items: [{ answers: guest() }, { answers: guest({ departureDate: "9999-12-31" }) }],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.problems).toEqual([
      expect.objectContaining({ item: 1, field: "departureDate", messageKey: "cases.answers.dateTooLate" }),
    ]);
    expect(await caseCount()).toBe(before);
  });
});

describe("fuzzing every JSON body of the API", () => {
  it("finds the API's body routes in its OpenAPI document", () => {
    const found = routes.map((route) => `${route.method} ${route.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "POST /api/v1/cases/{typeCode}",
        "POST /api/v1/stay-registrations/bulk",
        "POST /api/v1/applications",
        "PUT /api/v1/applications/{id}/answers/{pageId}",
      ]),
    );
  });

  /** Where a route's body goes, and which questions its answers may hold. */
  interface Target {
    url: string;
    definition: CaseTypeDefinition;
    fields: string[];
  }

  function targetsOf(route: BodyRoute): Target[] {
    const all = (definition: CaseTypeDefinition) => definition.form.flatMap((page) => page.fields);
    const names = (fields: Array<{ name: string }>) => fields.map((field) => field.name);
    if (route.path === "/api/v1/cases/{typeCode}") {
      return [stayRegistration, workPermit].map((definition) => ({
        url: `/api/v1/cases/${definition.code}`,
        definition,
        fields: names(all(definition)),
      }));
    }
    if (route.path.includes("{pageId}")) {
      return workPermit.form.map((page) => ({
        url: route.path.replace("{id}", draftId).replace("{pageId}", page.id),
        definition: workPermit,
        fields: names(page.fields),
      }));
    }
    const definition = route.path.includes("stay-registrations") ? stayRegistration : workPermit;
    return [{ url: route.path.replace("{id}", draftId), definition, fields: names(all(definition)) }];
  }

  /** Stands for the application's current `seq`, read just before the request. */
  const currentSeq = "<current seq>";

  /**
   * A body for a route: anything at all, or its own properties holding hostile values; answers
   * are valid ones with up to three of them replaced, so that some reach the database.
   */
  function bodyFor(route: BodyRoute, target: Target): fc.Arbitrary<unknown> {
    const valid: Record<string, unknown> =
      target.definition.code === "stay-registration" ? guest() : validAnswersOf(target.definition, today);
    const answers = fc
      .tuple(fieldsToSpoil(target.fields), fc.array(hostileAnswer(today), { minLength: 3, maxLength: 3 }))
      .map(([fields, values]) => {
        const base = Object.fromEntries(target.fields.map((name) => [name, valid[name]]));
        fields.forEach((name, index) => {
          base[name] = values[index];
        });
        return base;
      });
    const ownShape = fc.record(
      Object.fromEntries(
        route.properties.map((name) => [
          name,
          name === "answers"
            ? answers
            : name === "items"
              ? fc.array(fc.record({ answers }), { minLength: 1, maxLength: 3 })
              : name === "expectedSeq"
                ? fc.oneof({ weight: 4, arbitrary: fc.constant(currentSeq) }, fc.anything({ maxDepth: 1 }))
                : fc.oneof(hostileString(), fc.anything({ maxDepth: 2 }), fc.integer()),
        ]),
      ),
      { requiredKeys: [] },
    );
    return fc.oneof(
      { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
      { weight: 5, arbitrary: ownShape },
    );
  }

  async function seqOfDraft(): Promise<number> {
    const response = await send("GET", `/api/v1/applications/${draftId}`, "");
    return response.json().seq;
  }

  it("answers every hostile body with less than 500, and stores nothing that breaks a rule", async () => {
    const statuses = new Map<string, Set<number>>();
    for (const route of routes) {
      const runs = /cases|bulk|answers/.test(route.path) ? 60 : 12;
      const cases = fc
        .constantFrom(...targetsOf(route))
        .chain((target) => bodyFor(route, target).map((body) => ({ target, body })));
      await fc.assert(
        fc.asyncProperty(cases, async ({ target, body }) => {
          const withSeq =
            typeof body === "object" &&
            body !== null &&
            (body as Record<string, unknown>).expectedSeq === currentSeq
              ? { ...body, expectedSeq: await seqOfDraft() }
              : body;
          const response = await send(
            route.method,
            target.url,
            withSeq === undefined ? "" : JSON.stringify(withSeq),
          );
          const seen = statuses.get(route.path) ?? new Set<number>();
          seen.add(response.statusCode);
          statuses.set(route.path, seen);
          expect(
            response.statusCode,
            `${route.method} ${target.url}: ${response.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json().error.code).toMatch(/^[a-z_]+$/);
        }),
        { numRuns: runs, seed: 20260302 + route.path.length },
      );
    }
    // The fuzzing reached the database: some hostile-looking answers were valid and saved.
    expect(statuses.get("/api/v1/cases/{typeCode}")).toContain(201);
    expect(statuses.get("/api/v1/applications/{id}/answers/{pageId}")).toContain(200);
    const stored = await storedAnswerViolations(app.karvan.database.db, app.karvan.cases.registry, today);
    expect(stored.cases).toBeGreaterThan(1);
    expect(stored.violations).toEqual([]);
  }, 120_000);
});
