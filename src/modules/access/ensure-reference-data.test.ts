import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { ensureReferenceData } from "./ensure-reference-data.js";
import { grantedPermissionDefaults, roles } from "./schema.js";

describe("built-in roles on an existing database", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function permissionsOf(code: string): Promise<string[]> {
    const [role] = await database.db.select().from(roles).where(eq(roles.code, code));
    return role?.permissions ?? [];
  }

  it("grants a permission a newer version introduced once, and leaves an administrator's removal alone", async () => {
    // A database made before statistics.manage existed: the administrator role lacks it.
    await database.db
      .update(roles)
      .set({ permissions: sql`array_remove(${roles.permissions}, 'statistics.manage')` })
      .where(eq(roles.code, "administrator"));
    await database.db
      .delete(grantedPermissionDefaults)
      .where(eq(grantedPermissionDefaults.permission, "statistics.manage"));
    await database.db.insert(roles).values({
      code: "local-clerk",
      nameAz: "Katib",
      nameEn: "Clerk",
      nameRu: "Секретарь",
      staff: true,
      permissions: ["cases.read"],
    });

    await ensureReferenceData(database.db);
    expect(await permissionsOf("administrator")).toContain("statistics.manage");
    expect(await permissionsOf("local-clerk")).toEqual(["cases.read"]);

    await database.db
      .update(roles)
      .set({ permissions: sql`array_remove(${roles.permissions}, 'statistics.manage')` })
      .where(eq(roles.code, "administrator"));
    await ensureReferenceData(database.db);
    expect(await permissionsOf("administrator")).not.toContain("statistics.manage");
  });
});
