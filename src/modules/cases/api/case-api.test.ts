import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hotelStay } from "../../../../test/support/hotel-stay.js";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { queryRows } from "../../../platform/db/index.js";
import { generateApiKey } from "../../access/api-keys/api-key-format.js";
import { createUser, findAgencyByCode, type Principal, systemActor } from "../../access/index.js";
import { apiKeys } from "../../access/schema.js";
import { requestHash } from "../engine/idempotency.js";
import { transitionCase } from "../operations/transition-case.js";

let app: TestApp;
const clock = new ManualClock("2026-03-02T08:00:00Z"); // Monday, noon in Baku

async function newAccount(email: string, roles: string[]): Promise<string> {
  const staff = roles.some((role) => !["applicant", "host_employer"].includes(role));
  const { id } = await createUser(
    { db: app.karvan.database.db, clock, actor: systemActor },
    {
      email,
      fullName: email.split("@")[0] ?? email,
      password: "Correct-horse-battery-9",
      kind: staff ? "staff" : "public",
      agency: staff ? "SMS" : undefined,
      roles,
      status: "active",
    },
  );
  return id;
}

/** A key as its owner would create it on the API keys page. */
async function issueKey(userId: string, scopes: string[]): Promise<string> {
  const material = generateApiKey();
  await app.karvan.database.db
    .insert(apiKeys)
    .values({ userId, name: "Reception system", prefix: material.prefix, keyHash: material.hash, scopes });
  return material.key;
}

const guest = (overrides: Record<string, unknown> = {}) => ({
  guestFullName: "Mehmet Yilmaz",
  guestBirthDate: "1987-04-12",
  guestCitizenship: "TR",
  guestPassportNumber: "U12345678",
  ...hotelStay("2026-02-27", "2026-03-20"),
  ...overrides,
});

let hostKey: string;
let otherHostKey: string;
let readOnlyKey: string;
let profileOnlyKey: string;
let hostId: string;

function post(url: string, key: string, body: unknown, headers: Record<string, string> = {}) {
  return app.client().json("POST", url, body, { authorization: `Bearer ${key}`, ...headers });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(app.karvan.database.db, query);
  return row?.n ?? 0;
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  hostId = await newAccount("reception@caspian-pearl.az", ["host_employer"]);
  const otherHost = await newAccount("owner@flat.az", ["host_employer"]);
  hostKey = await issueKey(hostId, ["stay-registrations:write"]);
  readOnlyKey = await issueKey(hostId, ["stay-registrations:read"]);
  profileOnlyKey = await issueKey(hostId, ["profile:read"]);
  otherHostKey = await issueKey(otherHost, ["stay-registrations:read", "stay-registrations:write"]);
});

afterAll(async () => {
  await app.close();
});

describe("creating a case through the API", () => {
  it("creates and submits a stay registration in one call, audited, and tells where to follow it", async () => {
    const response = await post("/api/v1/cases/stay-registration", hostKey, { answers: guest() });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      number: expect.stringMatching(/^REG-2026-\d{6}$/),
      type: { code: "stay-registration", version: 1 },
      state: "registered",
      category: "decided",
      submittedAt: "2026-03-02T08:00:00.000Z",
      decision: { outcome: "registered", validFrom: "2026-03-02", validTo: "2026-03-20" },
    });
    expect(response.headers.location).toBe(`/api/v1/cases/${body.id}`);
    const events = await queryRows<{ type: string; actor_type: string }>(
      app.karvan.database.db,
      sql`select type, actor_type from case_events where case_id = ${body.id} order by seq`,
    );
    expect(events.map((event) => event.type)).toEqual([
      "case.created",
      "case.answers_saved",
      "case.submitted",
      "case.decision_drafted",
      "case.decision_issued",
    ]);
    expect(events[0]?.actor_type).toBe("api_key");
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'case.submitted' and entity_id = ${body.id} and actor_type = 'api_key'`,
      ),
    ).toBe(1);

    const status = await app
      .client()
      .json("GET", `/api/v1/cases/${body.id}`, undefined, { authorization: `Bearer ${readOnlyKey}` });
    expect(status.statusCode).toBe(200);
    // The creating answer adds where the guest stands in the person register; the case is the same.
    const { registeredPersons, ...created } = body;
    expect(registeredPersons).toEqual([
      { role: "guest", slot: 0, outcome: "new", registerId: expect.any(String) },
    ]);
    expect(status.json()).toEqual(created);
  });

  it("refuses answers that are missing, wrong or unknown with a problem per field, and creates nothing", async () => {
    const before = await count(sql`select count(*)::int as n from cases`);
    const response = await post("/api/v1/cases/stay-registration?lang=en", hostKey, {
      answers: guest({
        guestFullName: "",
        guestCitizenship: "XX",
        departureDate: "2026-01-01",
        roomNumber: "12",
        stayAddress: { street: "Neftchilar avenue 12", city: "Baku", region: "Baku city", postcode: "" },
      }),
    });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe("answers_invalid");
    expect(error.details.problems).toEqual(
      expect.arrayContaining([
        { field: "roomNumber", messageKey: "casesApi.answers.unknownField", message: expect.any(String) },
        { field: "guestFullName", messageKey: "cases.answers.required", message: "Answer this question" },
        { field: "guestCitizenship", messageKey: "cases.answers.country", message: expect.any(String) },
        { field: "departureDate", messageKey: "cases.answers.dateFuture", message: expect.any(String) },
        {
          field: "stayAddress",
          messageKey: "cases.answers.region",
          message: "Choose the region from the list",
        },
      ]),
    );
    expect(error.details.problems).toHaveLength(5);
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(before);

    const shapeless = await post("/api/v1/cases/stay-registration", hostKey, { guestFullName: "x" });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().error.code).toBe("validation_failed");
    const unknownType = await post("/api/v1/cases/no-such-type", hostKey, { answers: guest() });
    expect(unknownType.statusCode).toBe(404);
    // A guest staying in a home needs the owner's documents, which cannot travel through the API.
    const inAHome = await post("/api/v1/cases/stay-registration", hostKey, {
      answers: guest({ accommodation: "dwelling" }),
    });
    expect(inAHome.statusCode).toBe(422);
    expect(inAHome.json().error).toMatchObject({
      code: "documents_missing",
      details: { missing: ["guest-passport", "dwelling-document"] },
    });
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(before);
  });

  it("takes the passport's machine-readable zone from a document reader, and names a check digit that fails", async () => {
    // The ICAO Doc 9303 passport specimen, as a reader sends it.
    const zone =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\r\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
    const read = await post("/api/v1/cases/stay-registration", hostKey, {
      answers: guest({ guestPassportNumber: zone }),
    });
    expect(read.statusCode).toBe(201);
    const [stored] = await queryRows<{ answers: Record<string, unknown> }>(
      app.karvan.database.db,
      sql`select answers from cases where id = ${read.json().id}`,
    );
    expect(stored?.answers.guestPassportNumber).toBe("L898902C3");

    const misread = await post("/api/v1/cases/stay-registration?lang=en", hostKey, {
      answers: guest({ guestPassportNumber: zone.replace("1204159", "1204158") }),
    });
    expect(misread.statusCode).toBe(422);
    expect(misread.json().error.details.problems).toEqual([
      {
        field: "guestPassportNumber",
        messageKey: "cases.answers.mrzExpiryDateCheck",
        message: expect.stringContaining("check digit of the expiry date"),
      },
    ]);
  });

  it("creates one case per idempotency key: a retry answers 200 with the first answer, even after the case moved on", async () => {
    const first = await post(
      "/api/v1/cases/stay-registration",
      hostKey,
      { answers: guest() },
      { "idempotency-key": "arrival-1" },
    );
    expect(first.statusCode).toBe(201);
    const caseId = first.json().id as string;

    // An officer annuls the registration; the retry still answers with the case as it was created.
    const sms = await findAgencyByCode(app.karvan.database.db, "SMS");
    const officer: Principal = {
      userId: await newAccount("officer@migration.gov.az", ["case_officer"]),
      email: "officer@migration.gov.az",
      fullName: "Officer",
      kind: "staff",
      agencyId: sms?.id ?? null,
      roles: ["case_officer"],
      permissions: new Set(["cases.read", "cases.process"]),
      locale: "en",
    };
    await transitionCase(
      { ...app.karvan.cases.systemContext(), principal: officer },
      caseId,
      undefined,
      "annul",
    );

    const again = await post(
      "/api/v1/cases/stay-registration",
      hostKey,
      { answers: guest() },
      { "idempotency-key": "arrival-1" },
    );
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toBe(first.body);
    expect(
      await count(sql`select count(*)::int as n from cases where id = ${caseId} and state = 'annulled'`),
    ).toBe(1);

    const otherBody = await post(
      "/api/v1/cases/stay-registration",
      hostKey,
      { answers: guest({ guestFullName: "Ayşe Yilmaz" }) },
      { "idempotency-key": "arrival-1" },
    );
    expect(otherBody.statusCode).toBe(422);
    expect(otherBody.json().error.code).toBe("idempotency_key_reused");

    // The same key of another account is another key.
    const otherHost = await post(
      "/api/v1/cases/stay-registration",
      otherHostKey,
      { answers: guest() },
      { "idempotency-key": "arrival-1" },
    );
    expect(otherHost.statusCode).toBe(201);
    expect(otherHost.json().id).not.toBe(caseId);

    const keyId = (
      await queryRows<{ id: string }>(
        app.karvan.database.db,
        sql`select id from api_keys where prefix = ${hostKey.slice(4, 16)}`,
      )
    )[0]?.id as string;
    const busyBody = { createCases: "stay-registration", items: [guest({ guestFullName: "Busy Guest" })] };
    await app.karvan.database.db.execute(
      sql`insert into case_idempotency_keys (owner_id, key, request_hash, status, created_at)
          values (${keyId}, 'arrival-busy', ${requestHash(busyBody)}, 'in_flight', ${clock.now().toISOString()})`,
    );
    const inFlight = await post(
      "/api/v1/cases/stay-registration",
      hostKey,
      { answers: busyBody.items[0] },
      { "idempotency-key": "arrival-busy" },
    );
    expect(inFlight.statusCode).toBe(409);
    expect(inFlight.json().error.code).toBe("idempotency_in_flight");

    // Twins sent at once: one creates, the others wait their turn (200) or are told it is in flight (409).
    const twins = await Promise.all(
      Array.from({ length: 4 }, () =>
        post(
          "/api/v1/cases/stay-registration",
          hostKey,
          { answers: guest({ guestFullName: "Twin Guest" }) },
          {
            "idempotency-key": "arrival-twins",
          },
        ),
      ),
    );
    const statuses = twins.map((twin) => twin.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
    expect(
      await count(sql`select count(*)::int as n from cases where answers->>'guestFullName' = 'Twin Guest'`),
    ).toBe(1);

    const tooLong = await post(
      "/api/v1/cases/stay-registration",
      hostKey,
      { answers: guest() },
      { "idempotency-key": "k".repeat(201) },
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it("needs a key with the type's write scope, and lets no key apply for a foreign national", async () => {
    const readOnly = await post("/api/v1/cases/stay-registration", readOnlyKey, { answers: guest() });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error.code).toBe("insufficient_scope");
    const profileOnly = await post("/api/v1/cases/stay-registration", profileOnlyKey, { answers: guest() });
    expect(profileOnly.statusCode).toBe(403);
    const anonymous = await app
      .client()
      .json("POST", "/api/v1/cases/stay-registration", { answers: guest() });
    expect(anonymous.statusCode).toBe(401);
    const residence = await post("/api/v1/cases/temporary-residence-permit", hostKey, { answers: {} });
    expect(residence.statusCode).toBe(403);
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'access.denied' and actor_type = 'api_key'`,
      ),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe("reading a case through the API", () => {
  it("answers a case of another type exactly as a missing case, at either address", async () => {
    const employerKey = await issueKey(hostId, ["work-permits:write"]);
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const started = await app
      .client()
      .json("POST", "/api/v1/applications", { typeCode: "work-permit" }, bearer(employerKey));
    expect(started.statusCode).toBe(201);
    const workPermitId = started.json().id as string;
    const registration = await post("/api/v1/cases/stay-registration", hostKey, { answers: guest() });
    const registrationId = registration.json().id as string;
    const get = (url: string, key: string) => app.client().json("GET", url, undefined, bearer(key));
    const withoutReference = (response: { json(): { error: Record<string, unknown> } }) => {
      const { reference: _reference, ...rest } = response.json().error;
      return rest;
    };

    const missing = await get(
      "/api/v1/cases/stay-registration/00000000-0000-4000-8000-000000000000",
      hostKey,
    );
    expect(missing.statusCode).toBe(404);
    expect(withoutReference(missing)).toMatchObject({ code: "case_not_found" });
    for (const url of [
      `/api/v1/cases/stay-registration/${workPermitId}`,
      `/api/v1/cases/${workPermitId}`,
      `/api/v1/applications/${workPermitId}`,
    ]) {
      const response = await get(url, readOnlyKey);
      expect(response.statusCode, url).toBe(404);
      expect(withoutReference(response), url).toEqual(withoutReference(missing));
    }
    // The right type at its own address, and with a key for that type.
    expect((await get(`/api/v1/cases/stay-registration/${registrationId}`, readOnlyKey)).statusCode).toBe(
      200,
    );
    expect((await get(`/api/v1/cases/work-permit/${workPermitId}`, employerKey)).statusCode).toBe(200);
    const wrongAddress = await get(`/api/v1/cases/work-permit/${registrationId}`, hostKey);
    expect(withoutReference(wrongAddress)).toEqual(withoutReference(missing));
    // Another host's case answers the same as well.
    const other = await get(`/api/v1/cases/stay-registration/${registrationId}`, otherHostKey);
    expect(withoutReference(other)).toEqual(withoutReference(missing));
  });

  it("shows only the caller's own cases: another host's case is not found", async () => {
    const created = await post("/api/v1/cases/stay-registration", hostKey, { answers: guest() });
    const id = created.json().id as string;
    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
    const own = await app.client().json("GET", `/api/v1/cases/${id}`, undefined, bearer(hostKey));
    expect(own.statusCode).toBe(200);
    const someoneElse = await app
      .client()
      .json("GET", `/api/v1/cases/${id}`, undefined, bearer(otherHostKey));
    expect(someoneElse.statusCode).toBe(404);
    const missing = await app
      .client()
      .json("GET", "/api/v1/cases/00000000-0000-4000-8000-000000000000", undefined, bearer(hostKey));
    expect(missing.statusCode).toBe(404);
    const malformed = await app.client().json("GET", "/api/v1/cases/not-a-uuid", undefined, bearer(hostKey));
    expect(malformed.statusCode).toBe(400);
    // A key with no scope for the case's type cannot see it at all: not found, like a missing case.
    const noScope = await app.client().json("GET", `/api/v1/cases/${id}`, undefined, bearer(profileOnlyKey));
    expect(noScope.statusCode).toBe(404);
    expect(noScope.json().error.code).toBe("case_not_found");
    expect(
      await count(
        sql`select count(*)::int as n from audit_records where action = 'case.viewed' and entity_id = ${id}`,
      ),
    ).toBe(1);
  });
});

describe("registering guests in a batch", () => {
  const bulk = "/api/v1/stay-registrations/bulk";

  it("registers every guest of a batch, in order, once per idempotency key", async () => {
    const items = ["Ali Karimov", "Olga Ivanova", "Reza Ahmadi"].map((name) => ({
      answers: guest({ guestFullName: name }),
    }));
    const response = await post(bulk, hostKey, { items }, { "idempotency-key": "night-of-2-march" });
    expect(response.statusCode).toBe(201);
    const created = response.json().cases as Array<{ id: string; number: string; state: string }>;
    expect(created).toHaveLength(3);
    expect(new Set(created.map((one) => one.number)).size).toBe(3);
    expect(created.every((one) => one.state === "registered")).toBe(true);
    const names = await queryRows<{ name: string }>(
      app.karvan.database.db,
      sql`select answers->>'guestFullName' as name from cases where id in (${sql.join(
        created.map((one) => sql`${one.id}`),
        sql`, `,
      )})`,
    );
    expect(names.map((row) => row.name).sort()).toEqual(["Ali Karimov", "Olga Ivanova", "Reza Ahmadi"]);

    const again = await post(bulk, hostKey, { items }, { "idempotency-key": "night-of-2-march" });
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(response.body);
  });

  it("registers nobody when any guest has a problem, and says which", async () => {
    const before = await count(sql`select count(*)::int as n from cases`);
    const eventsBefore = await count(sql`select count(*)::int as n from case_events`);
    const items = [
      guest(),
      guest({ guestPassportNumber: "?" }),
      guest(),
      guest({ arrivalDate: "2027-01-01" }),
    ].map((answers) => ({ answers }));
    const response = await post(bulk, hostKey, { items });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.problems).toEqual([
      {
        item: 1,
        field: "guestPassportNumber",
        messageKey: "cases.answers.documentNumber",
        message: expect.any(String),
      },
      { item: 3, field: "arrivalDate", messageKey: "cases.answers.datePast", message: expect.any(String) },
    ]);
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(before);
    expect(await count(sql`select count(*)::int as n from case_events`)).toBe(eventsBefore);

    const tooMany = await post(bulk, hostKey, {
      items: Array.from({ length: 501 }, () => ({ answers: guest() })),
    });
    expect(tooMany.statusCode).toBe(400);
    const empty = await post(bulk, hostKey, { items: [] });
    expect(empty.statusCode).toBe(400);
  });
});
