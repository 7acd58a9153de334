import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { queryRows } from "../../platform/db/index.js";
import { ForbiddenError, NotFoundError } from "../../platform/errors/index.js";
import { authorize, decide } from "./authorize.js";
import type { Permission } from "./permissions.js";
import type { Principal } from "./principal.js";

const smsAgency = "00000000-0000-4000-8000-000000000001";
const labourAgency = "00000000-0000-4000-8000-000000000002";

function principal(
  overrides: Omit<Partial<Principal>, "permissions"> & { permissions?: Permission[] },
): Principal {
  return {
    userId: "00000000-0000-4000-8000-00000000aaaa",
    email: "someone@example.org",
    fullName: "Someone",
    kind: "staff",
    agencyId: smsAgency,
    roles: [],
    locale: "az",
    ...overrides,
    permissions: new Set(overrides.permissions ?? []),
  };
}

describe("decide: the single place a permission meets a record", () => {
  const officer = principal({ permissions: ["cases.read", "cases.process"] });
  const record = { entityType: "case", entityId: "c-1", agencyId: smsAgency };

  it("refuses anonymous callers and callers without the permission", () => {
    expect(decide(null, "cases.read")).toEqual({ allowed: false, reason: "no_permission" });
    expect(decide(officer, "cases.approve", record)).toEqual({ allowed: false, reason: "no_permission" });
  });

  it("lets staff act on records of their own agency only", () => {
    expect(decide(officer, "cases.read", record)).toEqual({ allowed: true });
    expect(decide(officer, "cases.read", { ...record, agencyId: labourAgency })).toEqual({
      allowed: false,
      reason: "other_agency",
    });
  });

  it("lifts agency scoping only for holders of scope.all_agencies", () => {
    const analyst = principal({ permissions: ["cases.read", "scope.all_agencies"], agencyId: labourAgency });
    expect(decide(analyst, "cases.read", record)).toEqual({ allowed: true });
  });

  it("lets public users reach only their own records, whatever their permissions", () => {
    const applicant = principal({ kind: "public", agencyId: null, permissions: ["portal.apply"] });
    const own = { entityType: "application", entityId: "a-1", ownerUserId: applicant.userId };
    expect(decide(applicant, "portal.apply", own)).toEqual({ allowed: true });
    expect(decide(applicant, "portal.apply", { ...own, ownerUserId: "someone-else" })).toEqual({
      allowed: false,
      reason: "not_owner",
    });
    expect(decide(applicant, "portal.apply", { entityType: "application", entityId: "a-2" })).toEqual({
      allowed: false,
      reason: "not_owner",
    });
  });
});

describe("authorize", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it("audits each refusal and answers 403 for a missing permission, 404 for someone else's record", async () => {
    const officer = principal({ permissions: ["cases.read"] });
    const context = { db: database.db, principal: officer, ip: "203.0.113.9", requestId: "req-1" };
    await expect(authorize(context, "cases.approve")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      authorize(context, "cases.read", { entityType: "case", entityId: "c-9", agencyId: labourAgency }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      authorize(context, "cases.read", { entityType: "case", entityId: "c-1", agencyId: smsAgency }),
    ).resolves.toBeUndefined();

    const rows = await queryRows<{
      action: string;
      outcome: string;
      entity_id: string | null;
      details: unknown;
    }>(
      database.db,
      sql`select action, outcome, entity_id, details from audit_records where actor_id = ${officer.userId} order by id`,
    );
    expect(rows).toEqual([
      {
        action: "access.denied",
        outcome: "denied",
        entity_id: null,
        details: { permission: "cases.approve", reason: "no_permission" },
      },
      {
        action: "access.denied",
        outcome: "denied",
        entity_id: "c-9",
        details: { permission: "cases.read", reason: "other_agency" },
      },
    ]);
  });
});
