import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { queryRows } from "../../../../platform/db/index.js";
import { createUser, systemActor } from "../../../access/index.js";
import { createSession, sessionCookie } from "../../../access/sessions.js";

const fixture = readFileSync(
  new URL("../../../../../test/fixtures/people/people-to-link.csv", import.meta.url),
);
let app: TestApp;
let steward: { id: string; client: TestClient };
let otherSteward: TestClient;
let analyst: TestClient;

async function signedInStaff(email: string, roles: string[]): Promise<{ id: string; client: TestClient }> {
  const { id } = await createUser(
    { db: app.karvan.access.db, clock: app.karvan.clock, actor: systemActor },
    {
      email,
      fullName: "Test Staff",
      password: "a-long-enough-passphrase-42",
      kind: "staff",
      agency: "SMS",
      roles,
    },
  );
  const session = await createSession(app.karvan.access.db, app.karvan.clock, {
    userId: id,
    mfaPassed: true,
  });
  const client = app.client();
  client.setCookie(sessionCookie, session.token);
  await client.get("/?lang=en");
  return { id, client };
}

async function audited(actorId: string, action: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql`select count(*)::int as n from audit_records where action = ${action} and actor_id = ${actorId}`,
  );
  return row?.n ?? 0;
}

async function upload(client: TestClient, content: Buffer) {
  await client.get("/people/link-file");
  return client.postMultipart("/people/link-file", [{ name: "records", fileName: "people.csv", content }]);
}

beforeAll(async () => {
  app = await createTestApp();
  steward = await signedInStaff("link.steward@test.karvan.az", ["administrator"]);
  otherSteward = (await signedInStaff("link.other@test.karvan.az", ["administrator"])).client;
  analyst = (await signedInStaff("link.analyst@test.karvan.az", ["analyst"])).client;
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe("the page that links a file of person records", () => {
  it("shows the upload form with its columns, linked from the menu", async () => {
    const page = await steward.client.get("/people/link-file");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('name="_csrf"');
    expect(page.body).toContain('name="records"');
    expect(page.body).toContain("<code>document_number</code>");
    expect(page.body).toContain('href="/people/link-file"');
  });

  it("links the uploaded file, shows the summary and gives both files to their uploader only", async () => {
    const linkedBefore = await audited(steward.id, "people.link_file.linked");
    const posted = await upload(steward.client, fixture);
    expect(posted.statusCode).toBe(303);
    const resultPath = posted.headers.location as string;
    expect(resultPath).toMatch(/^\/people\/link-file\/[0-9a-f-]{36}$/);
    expect(await audited(steward.id, "people.link_file.linked")).toBe(linkedBefore + 1);

    const summary = await steward.client.get(resultPath);
    expect(summary.statusCode).toBe(200);
    const figures = [
      ...summary.body.matchAll(/<dd class="govuk-summary-list__value">\s*([^<]*?)\s*<\/dd>/g),
    ].map((match) => match[1]);
    expect(figures.slice(0, 6)).toEqual(["20", "8", "6", "0", "4", "11"]);

    const pairs = await steward.client.get(`${resultPath}/pairs.csv`);
    expect(pairs.statusCode).toBe(200);
    expect(pairs.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(pairs.headers["content-disposition"]).toContain('filename="pairs.csv"');
    const pairLines = pairs.body.split("\r\n");
    expect(pairLines[0]).toBe(
      "\uFEFFleft_id,right_id,score,band,given_names,family_name,birth_date,sex,citizenship,document_number",
    );
    expect(pairLines.filter((line) => line.includes(",link,"))).toHaveLength(6);
    const clusters = await steward.client.get(`${resultPath}/clusters.csv`);
    expect(
      clusters.body.startsWith("\uFEFFrecord_id,cluster_id\r\nR01,C1\r\nR02,C1\r\nR03,C1\r\nR04,C2\r\n"),
    ).toBe(true);
    expect(await audited(steward.id, "people.link_file.downloaded")).toBe(2);

    // Another steward, staff without the permission, a malformed or unknown id: nothing to see.
    expect((await otherSteward.get(`${resultPath}/pairs.csv`)).statusCode).toBe(404);
    expect((await analyst.get(`${resultPath}/pairs.csv`)).statusCode).toBe(403);
    expect((await steward.client.get("/people/link-file/not-an-id/pairs.csv")).statusCode).toBe(404);
    expect((await steward.client.get(`/people/link-file/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it("refuses a file with bad lines: the error points at the file field and lists each line", async () => {
    const bad = Buffer.from(
      "record_id,full_name,sex,birth_date\nA,Elvin Məmmədov,M,1990-05-01\nB,Nərgiz Həsənova,female,1990-13-01\n",
    );
    const refused = await upload(steward.client, bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#records"');
    expect(refused.body).toContain('id="records-error"');
    expect(refused.body).toContain("Line 3: “female” is not a sex code");
    expect(refused.body).toContain("“1990-13-01” is not a date");
    expect(refused.body).toMatch(/data-testid="link-file-problems"[\s\S]*<code>birth_date<\/code>/);
    expect(await audited(steward.id, "people.link_file.refused")).toBe(1);
  });

  it("says when no file was chosen or the file is too large", async () => {
    await steward.client.get("/people/link-file");
    const none = await steward.client.postMultipart("/people/link-file", []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain("Choose a CSV file to upload.");
    const large = await upload(steward.client, Buffer.alloc(2 * 1024 * 1024 + 1, "a"));
    expect(large.statusCode).toBe(413);
    expect(large.body).toContain("The file is larger than 2 MB");
    expect(large.body).toContain('href="#records"');
  });

  it("has every text in Azerbaijani, English and Russian", async () => {
    const keys = (language: string) => {
      const flat: string[] = [];
      const walk = (tree: Record<string, unknown>, prefix: string) => {
        for (const [key, value] of Object.entries(tree)) {
          if (typeof value === "string") flat.push(`${prefix}${key}`);
          else walk(value as Record<string, unknown>, `${prefix}${key}.`);
        }
      };
      walk(JSON.parse(readFileSync(new URL(`./locales/${language}.json`, import.meta.url), "utf8")), "");
      return flat.sort();
    };
    expect(keys("az")).toEqual(keys("en"));
    expect(keys("ru")).toEqual(keys("en"));
    const client = (await signedInStaff("link.languages@test.karvan.az", ["administrator"])).client;
    await client.get("/people/link-file?lang=az");
    expect((await client.get("/people/link-file")).body).toContain("Qeydlər faylında eyni şəxsi tapın");
    await client.get("/people/link-file?lang=ru");
    expect((await client.get("/people/link-file")).body).toContain(
      "Поиск одного и того же лица в файле записей",
    );
  });

  it("is refused to staff without statistics.manage and to a form without its CSRF token", async () => {
    expect((await analyst.get("/people/link-file")).statusCode).toBe(403);
    const withoutToken = app.client();
    const session = await createSession(app.karvan.access.db, app.karvan.clock, {
      userId: steward.id,
      mfaPassed: true,
    });
    withoutToken.setCookie(sessionCookie, session.token);
    const posted = await withoutToken.postMultipart("/people/link-file", [
      { name: "records", fileName: "people.csv", content: fixture },
    ]);
    expect(posted.statusCode).toBe(403);
  });
});
