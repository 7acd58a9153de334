import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/support/test-app.js";
import type { TestClient } from "../../../../../test/support/test-client.js";
import { seedDemoDetentionCentres } from "../../../../demo/index.js";
import { ManualClock } from "../../../../platform/clock/index.js";
import { queryRows } from "../../../../platform/db/index.js";
import { signInNewStaff } from "../../../cases/workspace/workspace-test-bed.js";

// Monday 2 March 2026 in Baku.
const clock = new ManualClock("2026-03-02T08:00:00Z");
let app: TestApp;
let officer: TestClient;

function between(body: string, start: string, end: string): string {
  const from = body.indexOf(start);
  return body.slice(from, body.indexOf(end, from));
}

beforeAll(async () => {
  app = await createTestApp({ clock });
  const db = app.database.db;
  ({ browser: officer } = await signInNewStaff(db, clock, app.client(), {
    email: "detention.lists@sms.gov.az",
    fullName: "Lists Officer",
    agency: "SMS",
    roles: ["detention_officer"],
  }));
  await seedDemoDetentionCentres(db, clock);
  const [centre] = await queryRows<{ id: string }>(
    db,
    sql`select id from detention_centres where code = 'DEMO-BAKU-DC'`,
  );
  for (const [fullName, startDate, permittedUntil] of [
    ["Aziz Karimov", "2026-02-01", "2026-02-27"],
    ["Leyla Haddad", "2026-02-20", ""],
  ] as const) {
    await officer.get("/detention/place");
    const placed = await officer.post("/detention/place", {
      personId: "new",
      fullName,
      centreId: centre?.id ?? "",
      legalBasis: "Migration Code, removal order",
      orderingAuthority: "Baku Administrative Court",
      courtDecisionReference: `2(101)-${fullName.length}/2026`,
      startDate,
      permittedUntil,
    });
    expect(placed.statusCode).toBe(303);
  }
});
afterAll(async () => {
  await app?.close();
});

describe("the dashboard's register and occupancy", () => {
  it("keeps the stays needing attention on top, then lists and filters every stay", async () => {
    const page = await officer.get("/detention");
    expect(page.statusCode).toBe(200);
    const overdueAt = page.body.indexOf('data-testid="overdue"');
    expect(overdueAt).toBeGreaterThan(0);
    expect(overdueAt).toBeLessThan(page.body.indexOf('id="register-heading"'));
    const register = between(page.body, 'data-testid="register"', "</table>");
    // Karimov's stay is overdue: it comes before Haddad's, whose period ends in May.
    expect(register.indexOf("Aziz Karimov")).toBeLessThan(register.indexOf("Leyla Haddad"));
    expect(register).toContain("Days beyond the limit: 3");

    const searched = await officer.get("/detention?q=Leyla+Haddad&status=placed&occupancyFrom=2026-02-25");
    const found = between(searched.body, 'data-testid="register"', "</table>");
    expect(found).toContain("Leyla Haddad");
    expect(found).not.toContain("Aziz Karimov");
    // The occupancy's period is kept in the register's form, and the register's filters in the occupancy's.
    expect(between(searched.body, 'data-testid="register-filters"', "</form>")).toContain(
      'name="occupancyFrom" value="2026-02-25"',
    );
    expect(between(searched.body, 'data-testid="occupancy-period"', "</form>")).toContain(
      'name="q" value="Leyla Haddad"',
    );
    expect(searched.body).toContain(
      "/api/v1/detention/centres/occupancy.csv?from=2026-02-25&amp;to=2026-03-02",
    );
    expect(searched.body).toContain("25 February 2026");
  });

  it("answers 400 for a bad period, pointing at the field and keeping what was typed", async () => {
    const refused = await officer.get("/detention?occupancyFrom=2025-01-01&occupancyTo=2026-03-01&q=Karimov");
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#occupancyTo"');
    expect(refused.body).toContain("The period can be at most a year long");
    expect(refused.body).toContain('value="2025-01-01"');
    expect(refused.body).not.toContain('data-testid="occupancy-csv"');
    // The rest of the page is still there.
    expect(refused.body).toContain('data-testid="overdue"');
  });
});
