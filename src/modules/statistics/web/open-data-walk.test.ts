import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.js";
import { seedDemoCaseload, seedDemoHistory } from "../../../demo/index.js";
import { ManualClock } from "../../../platform/clock/index.js";
import { catchUpStatistics } from "../facts/statistics-projector.js";

/**
 * Everything the public can reach from /open-data and the tables API answers, on an empty database
 * (a fresh install) and on demo data: a table without cases is a valid, empty answer.
 */
describe("open data, walked link by link", () => {
  const clock = new ManualClock("2026-03-15T09:00:00Z");
  let app: TestApp;
  let address = 0;

  beforeAll(async () => {
    app = await createTestApp({ clock });
  });
  afterAll(async () => {
    await app.close();
  });

  /** Each table from its own address, so the open data rate limit does not end the walk early. */
  async function get(url: string): Promise<LightMyRequestResponse> {
    address += 1;
    return app.karvan.server.inject({ method: "GET", url, remoteAddress: `10.9.0.${(address % 250) + 1}` });
  }

  function links(html: string, pattern: RegExp): string[] {
    return [...html.matchAll(/href="([^"]+)"/g)]
      .map((match) => (match[1] as string).replaceAll("&amp;", "&"))
      .filter((href) => pattern.test(href));
  }

  /** Every table page, every download it offers, and every table of the API in every format. */
  async function walk(): Promise<{ visited: string[]; failed: string[]; empty: number; tables: number }> {
    const visited: string[] = [];
    const failed: string[] = [];
    let empty = 0;
    const check = async (url: string) => {
      const response = await get(url);
      visited.push(url);
      if (response.statusCode !== 200) failed.push(`${url} → ${response.statusCode}`);
      return response;
    };
    const index = await check("/open-data");
    const tables = links(index.body, /^\/open-data\/[a-z-]+\?period=/);
    expect(tables.length).toBeGreaterThanOrEqual(13);
    for (const table of tables) {
      const page = await check(table);
      if (page.body.includes('data-testid="no-observations"')) empty += 1;
      if (page.statusCode !== 200) continue;
      const downloads = links(page.body, /^\/open-data\/[a-z-]+\/export\?/);
      expect(downloads.length).toBe(4);
      for (const download of downloads) await check(download);
    }
    const list = await check("/api/v1/statistics/tables");
    const api = (list.json() as { tables: Array<{ href: string; latestPeriod: string }> }).tables;
    expect(api.length).toBe(tables.length);
    for (const table of api) {
      const url = `${table.href}?period=${table.latestPeriod}`;
      await check(url);
      for (const format of ["sdmx-csv-1.0", "sdmx-csv-2.0", "csv", "xlsx"])
        await check(`${url}&format=${format}`);
    }
    return { visited, failed, empty, tables: tables.length };
  }

  it("answers every table and download on a fresh install, saying plainly that there are no cases", async () => {
    const { visited, failed, empty, tables } = await walk();
    expect(failed).toEqual([]);
    expect(visited.length).toBe(2 + tables * 10);
    expect(empty).toBe(tables);

    const sdmx = await get("/open-data/asylum-applicants/export?period=2026-02&format=sdmx-csv-1.0");
    expect(sdmx.body.trim()).toBe("DATAFLOW,citizen,sex,age,asyl_app,TIME_PERIOD,OBS_VALUE,OBS_FLAG");
    const json = await get("/api/v1/statistics/tables/stay-registrations?period=2026-02");
    expect(json.json()).toMatchObject({ code: "stay-registrations", observations: [] });
    const page = await get("/open-data/stay-registrations?period=2026-02");
    expect(page.body).toContain("Bu dövrdə heç bir iş yoxdur");
  });

  it("answers every table and download on the demo data", async () => {
    // A small demo: fifty cases of every procedure, projected, and the earlier system's history.
    const { cases } = app.karvan;
    await seedDemoCaseload({
      db: app.database.db,
      registry: cases.registry,
      deadlines: cases.deadlines,
      clock,
      country: "AZ",
      scale: 0.05,
    });
    await catchUpStatistics(cases);
    await seedDemoHistory(app.database.db, { scale: 0.2, at: clock.now() });
    const { failed, empty, tables } = await walk();
    expect(failed).toEqual([]);
    expect(empty).toBeLessThan(tables);
  });
});
