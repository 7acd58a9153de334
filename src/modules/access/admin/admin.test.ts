import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import type { TestClient } from "../../../../test/support/test-client.js";
import { sourceRoot } from "../../../app.js";
import { queryRows } from "../../../platform/db/index.js";
import { loadTranslations, supportedLocales } from "../../../platform/http/index.js";
import { createUser } from "../create-user.js";
import { permissions } from "../permissions.js";
import { systemActor } from "../principal.js";
import { roles } from "../schema.js";
import { createSession, hashToken, sessionCookie } from "../sessions.js";
import { agencyKinds, permissionTextKeys } from "./admin-catalogues.js";

let app: TestApp;
let agencyIds: Record<string, string>;

async function newUser(
  email: string,
  input: { roles: string[]; agency?: string; kind?: "staff" | "public"; fullName?: string },
): Promise<string> {
  const kind = input.kind ?? "staff";
  const { id } = await createUser(
    { db: app.karvan.access.db, clock: app.karvan.clock, actor: systemActor },
    {
      email,
      fullName: input.fullName ?? email.split("@")[0] ?? email,
      password: "Correct-horse-battery-9",
      kind,
      agency: kind === "staff" ? (input.agency ?? "SMS") : undefined,
      roles: input.roles,
      status: "active",
    },
  );
  return id;
}

/** A browser signed in as this user with every factor passed (the sign-in journey is tested elsewhere). */
async function signedIn(userId: string): Promise<TestClient> {
  const session = await createSession(app.karvan.access.db, app.karvan.clock, { userId, mfaPassed: true });
  const client = app.client();
  client.setCookie(sessionCookie, session.token);
  await client.get("/?lang=en");
  return client;
}

async function auditActions(entityId: string): Promise<Array<{ action: string; outcome: string }>> {
  return queryRows(
    app.karvan.access.db,
    sql`select action, outcome from audit_records where entity_id = ${entityId} order by id`,
  );
}

async function deniedFor(actorId: string): Promise<Array<{ details: Record<string, unknown> }>> {
  return queryRows(
    app.karvan.access.db,
    sql`select details from audit_records where actor_id = ${actorId} and action = 'access.denied' order by id`,
  );
}

let adminId: string;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp();
  const rows = await queryRows<{ id: string; code: string }>(
    app.karvan.access.db,
    sql`select id, code from agencies`,
  );
  agencyIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  adminId = await newUser("kamala.admin@sms.gov.az", {
    roles: ["administrator"],
    fullName: "Kamala Aliyeva",
  });
  admin = await signedIn(adminId);
});

afterAll(async () => {
  await app.close();
});

describe("staff accounts", () => {
  it("creates a staff account with roles and agency and e-mails a one-time link to set the password", async () => {
    const form = await admin.get("/admin/users/new");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Create a staff account");
    // Only staff roles are offered.
    expect(form.body).toContain('value="case_officer"');
    expect(form.body).not.toContain('value="applicant"');

    const created = await admin.post("/admin/users/new", {
      fullName: "Rauf Mammadli",
      email: "Rauf.Mammadli@sms.gov.az",
      agencyId: agencyIds["SMS-GANJA"] ?? "",
      roles: ["case_officer", "approver"],
      locale: "ru",
      passwordSetup: "invite",
    });
    expect(created.statusCode).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}\?done=invited$/);
    const userId = location.split("/")[3]?.split("?")[0] ?? "";

    const [user] = await queryRows<{ email: string; kind: string; status: string; agency_id: string }>(
      app.karvan.access.db,
      sql`select email, kind, status, agency_id from users where id = ${userId}`,
    );
    expect(user).toEqual({
      email: "rauf.mammadli@sms.gov.az",
      kind: "staff",
      status: "active",
      agency_id: agencyIds["SMS-GANJA"],
    });
    const granted = await queryRows<{ role_code: string }>(
      app.karvan.access.db,
      sql`select role_code from user_roles where user_id = ${userId} order by role_code`,
    );
    expect(granted.map((row) => row.role_code)).toEqual(["approver", "case_officer"]);

    // The invitation, in the language chosen for the new colleague, with a working one-time link.
    const mail = app.mailer.lastTo("rauf.mammadli@sms.gov.az");
    expect(mail?.subject).toBe("Ваша учётная запись сотрудника в Karvan");
    expect(mail?.text).toContain("Kamala Aliyeva");
    const link = app.mailer.linkTo("rauf.mammadli@sms.gov.az");
    expect(link).toMatch(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    const token = new URL(link, "http://x").searchParams.get("token") ?? "";
    const [stored] = await queryRows<{ purpose: string; hours: number }>(
      app.karvan.access.db,
      sql`select purpose, round(extract(epoch from expires_at - created_at) / 3600)::int as hours
          from email_tokens where token_hash = ${hashToken(token)} and user_id = ${userId}`,
    );
    expect(stored).toEqual({ purpose: "reset_password", hours: 72 });

    expect(await auditActions(userId)).toEqual([
      { action: "user.created", outcome: "success" },
      { action: "user.invited", outcome: "success" },
    ]);

    const page = await admin.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Rauf Mammadli");
    expect(page.body).toContain("an invitation to set a password was sent");
    expect((await auditActions(userId)).at(-1)).toEqual({ action: "user.viewed", outcome: "success" });
  });

  it("creates an account with an initial password when asked, and keeps the form on errors", async () => {
    const refused = await admin.post("/admin/users/new", {
      fullName: "Nurlan Quliyev",
      email: "not-an-address",
      agencyId: agencyIds.SMS ?? "",
      locale: "az",
      passwordSetup: "password",
      password: "short",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Enter an e-mail address in the correct format");
    expect(refused.body).toContain("Choose at least one role");
    expect(refused.body).toContain('value="Nurlan Quliyev"');
    expect(refused.body).not.toContain('value="short"');

    const weak = await admin.post("/admin/users/new", {
      fullName: "Nurlan Quliyev",
      email: "nurlan.quliyev@sms.gov.az",
      agencyId: agencyIds.SMS ?? "",
      roles: "trainer",
      locale: "az",
      passwordSetup: "password",
      password: "short",
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain("Password must be 12 characters or more");

    const created = await admin.post("/admin/users/new", {
      fullName: "Nurlan Quliyev",
      email: "nurlan.quliyev@sms.gov.az",
      agencyId: agencyIds.SMS ?? "",
      roles: "trainer",
      locale: "az",
      passwordSetup: "password",
      password: "Caspian-sunrise-2026!",
    });
    expect(created.statusCode).toBe(303);
    expect(String(created.headers.location)).toContain("done=created");
    expect(app.mailer.lastTo("nurlan.quliyev@sms.gov.az")).toBeUndefined();

    const duplicate = await admin.post("/admin/users/new", {
      fullName: "Someone Else",
      email: "NURLAN.QULIYEV@sms.gov.az",
      agencyId: agencyIds.SMS ?? "",
      roles: "trainer",
      locale: "az",
      passwordSetup: "invite",
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain("An account with this e-mail address already exists");
  });

  it("refuses people without admin.users with 403 and audits the refusal", async () => {
    const officerId = await newUser("leyla.officer@sms.gov.az", { roles: ["case_officer"] });
    const officer = await signedIn(officerId);
    expect((await officer.get("/admin/users")).statusCode).toBe(403);
    expect((await officer.get("/admin/roles")).statusCode).toBe(403);
    const denied = await deniedFor(officerId);
    expect(denied.map((row) => row.details.permission)).toEqual(["admin.users", "admin.roles"]);
    const anonymous = await app.client().get("/admin/users");
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toContain("/sign-in");
  });

  it("lists and searches users, paginated", async () => {
    for (let index = 0; index < 27; index++) {
      await newUser(`bulk.${String(index).padStart(2, "0")}@labour.gov.az`, {
        roles: ["employment_officer"],
        agency: "MLSPP-DOST",
        fullName: `Bulk Person ${String(index).padStart(2, "0")}`,
      });
    }
    const first = await admin.get(`/admin/users?agency=${agencyIds["MLSPP-DOST"]}&role=employment_officer`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("Users found: 27");
    expect(first.body).toContain("Bulk Person 00");
    expect(first.body).not.toContain("Bulk Person 25");
    const second = await admin.get(
      `/admin/users?agency=${agencyIds["MLSPP-DOST"]}&role=employment_officer&page=2`,
    );
    expect(second.body).toContain("Bulk Person 25");
    expect(second.body).not.toContain("Bulk Person 00");

    const searched = await admin.get("/admin/users?q=person%2013");
    expect(searched.body).toContain("Users found: 1");
    const byStatus = await admin.get("/admin/users?status=disabled&kind=staff");
    expect(byStatus.statusCode).toBe(200);
    const listed = await queryRows<{ total: number }>(
      app.karvan.access.db,
      sql`select count(*)::int as total from audit_records where action = 'user.listed' and actor_id = ${adminId}`,
    );
    expect(listed[0]?.total).toBeGreaterThanOrEqual(4);
  });
});

describe("agency scoping", () => {
  let agencyAdminId: string;
  let agencyAdmin: TestClient;

  beforeAll(async () => {
    await app.karvan.access.db.insert(roles).values({
      code: "agency_administrator",
      nameAz: "Qurum administratoru",
      nameEn: "Agency administrator",
      nameRu: "Администратор ведомства",
      staff: true,
      permissions: ["admin.users", "admin.agencies"],
    });
    agencyAdminId = await newUser("ganja.admin@sms.gov.az", {
      roles: ["agency_administrator"],
      agency: "SMS-GANJA",
    });
    agencyAdmin = await signedIn(agencyAdminId);
  });

  it("shows an agency administrator their own agency's staff only, and others' accounts answer 404", async () => {
    const colleague = await newUser("ganja.officer@sms.gov.az", {
      roles: ["case_officer"],
      agency: "SMS-GANJA",
      fullName: "Ganja Colleague",
    });
    const outsider = await newUser("baku.officer@sms.gov.az", {
      roles: ["case_officer"],
      agency: "SMS",
      fullName: "Baku Outsider",
    });
    const applicant = await newUser("applicant@example.org", { roles: ["applicant"], kind: "public" });

    const list = await agencyAdmin.get("/admin/users");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Ganja Colleague");
    expect(list.body).not.toContain("Baku Outsider");
    // Asking for another agency in the filters changes nothing.
    const asked = await agencyAdmin.get(`/admin/users?agency=${agencyIds.SMS}`);
    expect(asked.body).not.toContain("Baku Outsider");

    expect((await agencyAdmin.get(`/admin/users/${colleague}`)).statusCode).toBe(200);
    expect((await agencyAdmin.get(`/admin/users/${outsider}`)).statusCode).toBe(404);
    expect((await agencyAdmin.get(`/admin/users/${applicant}`)).statusCode).toBe(404);
    expect((await agencyAdmin.post(`/admin/users/${outsider}/disable`)).statusCode).toBe(404);
    const reasons = (await deniedFor(agencyAdminId)).map((row) => row.details.reason);
    expect(reasons).toEqual(["other_agency", "other_agency", "other_agency"]);
    expect((await auditActions(outsider)).map((row) => row.action)).toEqual([
      "user.created",
      "access.denied",
      "access.denied",
    ]);

    // Nor can they move their colleague to another agency, or create staff there.
    await agencyAdmin.get(`/admin/users/${colleague}/access`);
    const moved = await agencyAdmin.post(`/admin/users/${colleague}/access`, {
      agencyId: agencyIds.SMS ?? "",
      roles: "case_officer",
    });
    expect(moved.statusCode).toBe(404);
    const created = await agencyAdmin.post("/admin/users/new", {
      fullName: "Elsewhere Person",
      email: "elsewhere@sms.gov.az",
      agencyId: agencyIds.SMS ?? "",
      roles: "case_officer",
      locale: "az",
      passwordSetup: "invite",
    });
    expect(created.statusCode).toBe(404);

    // An administrator with scope.all_agencies sees everybody.
    expect((await admin.get(`/admin/users/${outsider}`)).statusCode).toBe(200);
    expect((await admin.get(`/admin/users/${applicant}`)).statusCode).toBe(200);
  });

  it("does not let an agency administrator hand out roles that work across all agencies", async () => {
    const colleague = await newUser("ganja.second@sms.gov.az", {
      roles: ["case_officer"],
      agency: "SMS-GANJA",
    });
    await agencyAdmin.get(`/admin/users/${colleague}/access`);
    const refused = await agencyAdmin.post(`/admin/users/${colleague}/access`, {
      agencyId: agencyIds["SMS-GANJA"] ?? "",
      roles: ["case_officer", "analyst"],
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Only an administrator who works across all agencies");
    const granted = await queryRows<{ role_code: string }>(
      app.karvan.access.db,
      sql`select role_code from user_roles where user_id = ${colleague}`,
    );
    expect(granted.map((row) => row.role_code)).toEqual(["case_officer"]);
    expect((await deniedFor(agencyAdminId)).at(-1)?.details.reason).toBe("grant_beyond_scope");

    const allowed = await agencyAdmin.post(`/admin/users/${colleague}/access`, {
      agencyId: agencyIds["SMS-GANJA"] ?? "",
      roles: ["case_officer", "approver"],
    });
    expect(allowed.statusCode).toBe(303);
    expect((await auditActions(colleague)).at(-1)).toEqual({ action: "user.updated", outcome: "success" });
  });
});

describe("disabling, enabling and resetting two-step sign-in", () => {
  it("disables an account, ending its sessions at once; enabling lets it sign in again", async () => {
    const targetId = await newUser("tural.officer@sms.gov.az", { roles: ["case_officer"] });
    const target = await signedIn(targetId);
    expect((await target.get("/staff")).statusCode).toBe(200);

    await admin.get(`/admin/users/${targetId}`);
    const disabled = await admin.post(`/admin/users/${targetId}/disable`);
    expect(disabled.statusCode).toBe(303);
    expect(String(disabled.headers.location)).toBe(`/admin/users/${targetId}?done=disabled`);

    const sessions = await queryRows<{ total: number }>(
      app.karvan.access.db,
      sql`select count(*)::int as total from sessions where user_id = ${targetId}`,
    );
    expect(sessions[0]?.total).toBe(0);
    const afterwards = await target.get("/staff");
    expect(afterwards.statusCode).toBe(303);
    expect(String(afterwards.headers.location)).toContain("/sign-in");

    await admin.get(`/admin/users/${targetId}`);
    expect((await admin.post(`/admin/users/${targetId}/enable`)).statusCode).toBe(303);
    const [row] = await queryRows<{ status: string }>(
      app.karvan.access.db,
      sql`select status from users where id = ${targetId}`,
    );
    expect(row?.status).toBe("active");
    const actions = (await auditActions(targetId)).map((entry) => entry.action);
    expect(actions).toContain("user.disabled");
    expect(actions).toContain("user.enabled");
  });

  it("does not let administrators disable themselves or drop their own user administration", async () => {
    await admin.get(`/admin/users/${adminId}`);
    const refused = await admin.post(`/admin/users/${adminId}/disable`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("You cannot disable your own account");

    await admin.get(`/admin/users/${adminId}/access`);
    const dropped = await admin.post(`/admin/users/${adminId}/access`, {
      agencyId: agencyIds.SMS ?? "",
      roles: "auditor",
    });
    expect(dropped.statusCode).toBe(422);
    expect(dropped.body).toContain("You cannot take away your own user administration");
    const [row] = await queryRows<{ status: string }>(
      app.karvan.access.db,
      sql`select status from users where id = ${adminId}`,
    );
    expect(row?.status).toBe("active");
  });

  it("resets two-step sign-in: the secret and recovery codes go, and so do the sessions", async () => {
    const targetId = await newUser("gunel.trainer@sms.gov.az", { roles: ["trainer"] });
    await app.karvan.database.raw.query(
      "update users set mfa_secret_encrypted = 'sealed', mfa_enabled_at = now(), mfa_last_step = 42 where id = $1",
      [targetId],
    );
    await app.karvan.database.raw.query(
      "insert into recovery_codes (user_id, code_hash) values ($1, 'x'), ($1, 'y')",
      [targetId],
    );
    await signedIn(targetId);

    const page = await admin.get(`/admin/users/${targetId}`);
    expect(page.body).toContain("Reset two-step sign-in");
    expect((await admin.post(`/admin/users/${targetId}/reset-mfa`)).statusCode).toBe(303);

    const [user] = await queryRows<{ secret: string | null; enabled: string | null; step: number | null }>(
      app.karvan.access.db,
      sql`select mfa_secret_encrypted as secret, mfa_enabled_at as enabled, mfa_last_step as step from users where id = ${targetId}`,
    );
    expect(user).toEqual({ secret: null, enabled: null, step: null });
    const left = await queryRows<{ codes: number; sessions: number }>(
      app.karvan.access.db,
      sql`select (select count(*)::int from recovery_codes where user_id = ${targetId}) as codes,
                 (select count(*)::int from sessions where user_id = ${targetId}) as sessions`,
    );
    expect(left[0]).toEqual({ codes: 0, sessions: 0 });
    expect((await auditActions(targetId)).at(-1)).toEqual({ action: "user.mfa_reset", outcome: "success" });
  });
});

describe("roles", () => {
  it("shows the role × permission matrix with translated permission names", async () => {
    const page = await admin.get("/admin/roles");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Administer users");
    expect(page.body).toContain("Lifts the agency limit");
    expect(page.body).toContain("Case officer");
    const inAzerbaijani = await signedIn(adminId);
    await inAzerbaijani.get("/?lang=az");
    const translated = await inAzerbaijani.get("/admin/roles");
    expect(translated.body).toContain("İstifadəçilərin idarə edilməsi");
    expect(translated.body).toContain("Qurum məhdudiyyətini aradan qaldırır");
  });

  it("a change of a role's permissions changes what its holders can do on their next request", async () => {
    const officerId = await newUser("elchin.officer@sms.gov.az", { roles: ["case_officer"] });
    const officer = await signedIn(officerId);
    expect((await officer.get("/admin/agencies")).statusCode).toBe(403);

    await admin.get("/admin/roles/case_officer");
    const saved = await admin.post("/admin/roles/case_officer", {
      permissions: ["cases.read", "cases.process", "persons.read", "admin.agencies"],
    });
    expect(saved.statusCode).toBe(303);
    expect((await officer.get("/admin/agencies")).statusCode).toBe(200);

    await admin.get("/admin/roles/case_officer");
    await admin.post("/admin/roles/case_officer", {
      permissions: ["cases.read", "cases.process", "persons.read"],
    });
    expect((await officer.get("/admin/agencies")).statusCode).toBe(403);
    expect((await auditActions("case_officer")).map((row) => row.action)).toEqual([
      "role.updated",
      "role.updated",
    ]);

    // Portal permissions do not fit a staff role.
    await admin.get("/admin/roles/case_officer");
    const wrongKind = await admin.post("/admin/roles/case_officer", { permissions: ["portal.apply"] });
    expect(wrongKind.statusCode).toBe(422);
    // Nor can an administrator take role administration away from themselves.
    await admin.get("/admin/roles/administrator");
    const selfLockout = await admin.post("/admin/roles/administrator", { permissions: ["admin.users"] });
    expect(selfLockout.statusCode).toBe(422);
    expect(selfLockout.body).toContain("You cannot take away your own role administration");
  });

  it("creates a custom role, refuses to delete built-in or used roles, deletes an unused one", async () => {
    await admin.get("/admin/roles/new");
    const invalid = await admin.post("/admin/roles/new", { code: "Bad Code", audience: "staff" });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Enter a code of 3 to 40");
    expect(invalid.body).toContain("Enter the name in English");

    const created = await admin.post("/admin/roles/new", {
      code: "border_liaison",
      nameAz: "Sərhəd əlaqələndiricisi",
      nameEn: "Border liaison",
      nameRu: "Координатор по границе",
      audience: "staff",
      staffPermissions: ["cases.read", "persons.read"],
      publicPermissions: ["portal.apply"],
    });
    expect(created.statusCode).toBe(303);
    const [role] = await queryRows<{ permissions: string[]; staff: boolean; built_in: boolean }>(
      app.karvan.access.db,
      sql`select permissions, staff, built_in from roles where code = 'border_liaison'`,
    );
    expect(role).toEqual({ permissions: ["cases.read", "persons.read"], staff: true, built_in: false });
    await admin.get("/admin/roles/new");
    const again = await admin.post("/admin/roles/new", {
      code: "border_liaison",
      nameAz: "A",
      nameEn: "B",
      nameRu: "C",
      audience: "staff",
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("A role with this code already exists");

    await admin.get("/admin/roles/approver");
    expect((await admin.post("/admin/roles/approver/delete")).statusCode).toBe(422);

    const holder = await newUser("liaison@sbs.gov.az", { roles: ["border_liaison"], agency: "SBS" });
    await admin.get("/admin/roles/border_liaison");
    const inUse = await admin.post("/admin/roles/border_liaison/delete");
    expect(inUse.statusCode).toBe(422);
    expect(inUse.body).toContain("cannot be deleted while accounts have it");

    await app.karvan.database.raw.query("delete from user_roles where user_id = $1", [holder]);
    await admin.get("/admin/roles/border_liaison");
    const deleted = await admin.post("/admin/roles/border_liaison/delete");
    expect(deleted.statusCode).toBe(303);
    expect((await auditActions("border_liaison")).map((row) => row.action)).toEqual([
      "role.created",
      "role.deleted",
    ]);
  });
});

describe("agencies", () => {
  it("creates and edits an agency; deactivation waits until nobody works there", async () => {
    await admin.get("/admin/agencies/new");
    const invalid = await admin.post("/admin/agencies/new", { code: "x", kind: "nonsense" });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain("Choose the type of agency");
    const invisible = await admin.post("/admin/agencies/new", {
      code: "SMS-INVISIBLE",
      kind: "regional",
      nameAz: "\u200B\u200B",
      nameEn: "Invisible Office",
      nameRu: "Невидимое управление",
    });
    expect(invisible.statusCode).toBe(422);
    expect(invisible.body).toContain('href="#nameAz"');
    expect(invisible.body).toContain("Enter the name in Azerbaijani");
    expect(invisible.body).toContain('value="Invisible Office"');
    const [none] = await queryRows<{ n: number }>(
      app.karvan.access.db,
      sql`select count(*)::int as n from agencies where code = 'SMS-INVISIBLE'`,
    );
    expect(none?.n).toBe(0);

    const created = await admin.post("/admin/agencies/new", {
      code: "sms-lankaran",
      kind: "regional",
      nameAz: "Lənkəran Regional Miqrasiya İdarəsi",
      nameEn: "Lankaran Regional Migration Office",
      nameRu: "Ленкоранское региональное миграционное управление",
      region: "az-la",
    });
    expect(created.statusCode).toBe(303);
    const agencyId = String(created.headers.location).split("/")[3]?.split("?")[0] ?? "";
    const [agency] = await queryRows<{ code: string; region: string; active: boolean }>(
      app.karvan.access.db,
      sql`select code, region, active from agencies where id = ${agencyId}`,
    );
    expect(agency).toEqual({ code: "SMS-LANKARAN", region: "AZ-LA", active: true });

    const page = await admin.get(`/admin/agencies/${agencyId}`);
    expect(page.statusCode).toBe(200);
    const edited = await admin.post(`/admin/agencies/${agencyId}`, {
      code: "SMS-LANKARAN",
      kind: "regional",
      nameAz: "Lənkəran Regional Miqrasiya İdarəsi",
      nameEn: "Lankaran Regional Migration Office (south)",
      nameRu: "Ленкоранское региональное миграционное управление",
      region: "",
    });
    expect(edited.statusCode).toBe(303);

    const worker = await newUser("lankaran.officer@sms.gov.az", {
      roles: ["case_officer"],
      agency: agencyId,
    });
    await admin.get(`/admin/agencies/${agencyId}`);
    const refused = await admin.post(`/admin/agencies/${agencyId}/deactivate`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("still has accounts in use");

    await admin.get(`/admin/users/${worker}`);
    await admin.post(`/admin/users/${worker}/disable`);
    await admin.get(`/admin/agencies/${agencyId}`);
    expect((await admin.post(`/admin/agencies/${agencyId}/deactivate`)).statusCode).toBe(303);
    const [after] = await queryRows<{ active: boolean; region: string | null }>(
      app.karvan.access.db,
      sql`select active, region from agencies where id = ${agencyId}`,
    );
    expect(after).toEqual({ active: false, region: null });
    expect((await auditActions(agencyId)).map((row) => row.action)).toEqual([
      "agency.created",
      "agency.updated",
      "agency.updated",
    ]);
    // An inactive agency is no longer offered for new staff.
    const form = await admin.get("/admin/users/new");
    expect(form.body).not.toContain(agencyId);
  });
});

describe("translations of the catalogues", () => {
  it("answers an address whose id is not an id with the not-found page, as an unknown id", async () => {
    await admin.get("/admin/users");
    for (const path of ["/admin/users/not-an-id", "/admin/users/12345/access", "/admin/agencies/SMS"]) {
      expect((await admin.get(path)).statusCode, path).toBe(404);
    }
    for (const path of ["/admin/users/not-an-id/disable", "/admin/agencies/not-an-id/deactivate"]) {
      expect((await admin.post(path)).statusCode, path).toBe(404);
    }
  });

  it("names and describes every permission and agency kind in Azerbaijani, English and Russian", () => {
    const translations = loadTranslations(sourceRoot);
    const lookup = (locale: (typeof supportedLocales)[number], key: string) =>
      key
        .split(".")
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown> | undefined)?.[part],
          translations[locale],
        );
    for (const locale of supportedLocales) {
      for (const permission of permissions) {
        const keys = permissionTextKeys(permission);
        expect(typeof lookup(locale, keys.name), `${locale} ${keys.name}`).toBe("string");
        expect(typeof lookup(locale, keys.description), `${locale} ${keys.description}`).toBe("string");
      }
      for (const kind of agencyKinds) {
        expect(typeof lookup(locale, `admin.agencyKinds.${kind}`), `${locale} ${kind}`).toBe("string");
      }
    }
  });
});
