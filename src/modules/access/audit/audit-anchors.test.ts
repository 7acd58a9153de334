import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/support/database.js";
import { MemoryMailer } from "../../../../test/support/test-app.js";
import { sourceRoot } from "../../../app.js";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { createI18n } from "../../../platform/http/index.js";
import { AuditAnchoring, type AuditAnchorSettings } from "./anchor-audit-chain.js";
import { type AuditAnchor, anchorLine, readLatestAnchor } from "./audit-anchor-log.js";
import {
  canonicalContent,
  canonicalRecordsBetween,
  chainHash,
  chainHead,
  gapContent,
  genesisHash,
  sealsBetween,
} from "./audit-chain.js";
import { startAuditSealer } from "./audit-sealer.js";
import {
  allRecordIds,
  rolledBack,
  testAuditKey,
  withTriggersDisabled,
  writeRecords,
} from "./audit-test-support.js";
import { restartAuditAnchors } from "./restart-audit-anchors.js";
import { GapWatch, sealPendingRecords } from "./seal-audit-trail.js";
import { verifyAuditTrail } from "./verify-audit-trail.js";

/** A sealed trail with its anchor file, in a folder of its own. */
async function anchoredTrail() {
  const database = await createTestDatabase();
  const folder = mkdtempSync(path.join(tmpdir(), "karvan-anchors-"));
  const file = path.join(folder, "anchors", "audit-anchors.jsonl");
  const settings: AuditAnchorSettings = { file, mailTo: null, mailIntervalMs: 0 };
  const anchoring = () => new AuditAnchoring({ db: database.db, auditKey: testAuditKey, settings });
  const trail = {
    database,
    folder,
    file,
    anchoring,
    seal: () =>
      sealPendingRecords(
        { db: database.db, auditKey: testAuditKey },
        {
          gaps: new GapWatch(0),
          batchSize: 5,
          anchoring: anchoring(),
        },
      ),
    verify: (db: Queryable = database.db) =>
      verifyAuditTrail({ db, auditKey: testAuditKey, anchors: { file } }, { windowSize: 7 }),
    /** Deletes the records and seals above `keepUpTo`, as a superuser with the triggers off would. */
    cutOffAfter: (keepUpTo: number, db: TestDatabase["db"] = database.db) =>
      withTriggersDisabled(db, async () => {
        await db.execute(sql`delete from audit_seals where record_id > ${keepUpTo}`);
        await db.execute(sql`delete from audit_records where id > ${keepUpTo}`);
      }),
    anchorLines: () => readFileSync(file, "utf8").trim().split("\n"),
    async destroy() {
      await database.destroy();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await writeRecords(database.db, 12);
  await trail.seal();
  return trail;
}

/**
 * Someone with the database superuser cuts records off the end of the trail, seals and all, or
 * rewrites the chain with the key. The chain alone still verifies; its anchor outside the
 * database does not. One database for the file: tampering happens in transactions that are
 * rolled back, and the anchor file is put back after each test.
 */
describe("anchoring the audit chain outside the database", () => {
  let trail: Awaited<ReturnType<typeof anchoredTrail>>;
  let ids: number[];
  let anchorsBefore: string;
  beforeAll(async () => {
    trail = await anchoredTrail();
  });
  afterAll(async () => {
    await trail.destroy();
  });
  beforeEach(async () => {
    ids = await allRecordIds(trail.database.db);
    anchorsBefore = readFileSync(trail.file, "utf8");
  });
  afterEach(async () => {
    // The file as it was, plus an anchor of whatever a test sealed.
    writeFileSync(trail.file, anchorsBefore);
    await trail.anchoring().anchorCurrentHead();
  });
  const db = () => trail.database.db;

  it("anchors the head after each sealing pass, and verification passes against the latest", async () => {
    const head = await chainHead(db());
    const lines = trail.anchorLines();
    // Batches of 5 over 12 records (and the unused ids below them): one anchor per pass.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const latest = JSON.parse(lines.at(-1) as string) as Record<string, unknown>;
    expect(latest).toMatchObject({ v: 1, sequence: ids.at(-1), hash: head?.hash });
    expect(latest.mac).toMatch(/^[0-9a-f]{64}$/);
    const sequences = lines.map((line) => (JSON.parse(line) as { sequence: number }).sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));

    const report = await trail.verify();
    expect(report).toMatchObject({ ok: true, problemCount: 0 });
    expect(report.anchor).toMatchObject({ state: "matches", ok: true, anchor: { sequence: ids.at(-1) } });

    // Nothing new sealed: no new line. New records: one more anchor.
    await trail.seal();
    expect(trail.anchorLines()).toHaveLength(lines.length);
    await writeRecords(db(), 2);
    await trail.seal();
    expect(trail.anchorLines()).toHaveLength(lines.length + 1);
    expect((await trail.verify()).anchor?.state).toBe("matches");
  });

  it("notices the end of the trail cut off after sealing, which the chain alone cannot", async () => {
    const keep = ids[8] as number;
    const [report, chainOnly] = await rolledBack(db(), async (tx) => {
      await trail.cutOffAfter(keep, tx);
      return [await trail.verify(tx), await verifyAuditTrail({ db: tx, auditKey: testAuditKey })] as const;
    });
    expect(report.problemCount).toBe(0);
    expect(report.ok).toBe(false);
    expect(report.anchor).toMatchObject({
      state: "cut_off",
      ok: false,
      sealedUpTo: keep,
      anchor: { sequence: ids.at(-1) },
    });
    // Without the anchor, the shortened trail looks intact: the hole this closes.
    expect(chainOnly.ok).toBe(true);
  });

  it("notices a sealed record rewritten with every later hash recomputed", async () => {
    const target = ids[4] as number;
    const head = (await chainHead(db()))?.sealedUpTo as number;
    const report = await rolledBack(db(), async (tx) => {
      await withTriggersDisabled(tx, async () => {
        await tx.execute(sql`update audit_records set actor_id = 'someone-else' where id = ${target}`);
        // The attacker holds the key and reseals everything from the altered record on.
        let previous = (await sealsBetween(tx, target - 1, target - 1))[0]?.hash ?? genesisHash;
        const records = new Map(
          (await canonicalRecordsBetween(tx, target, head)).map((record) => [Number(record.id), record]),
        );
        for (let id = target; id <= head; id += 1) {
          const record = records.get(id);
          previous = chainHash(testAuditKey, previous, record ? canonicalContent(record) : gapContent(id));
          await tx.execute(sql`update audit_seals set hash = ${previous} where record_id = ${id}`);
        }
      });
      return trail.verify(tx);
    });
    expect(report.problemCount).toBe(0);
    expect(report.anchor).toMatchObject({ state: "rewritten", ok: false, anchor: { sequence: head } });
    expect(report.ok).toBe(false);
  });

  it("detects every cut-off point (property)", async () => {
    const last = ids.at(-1) as number;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: last - 1 }), async (keepUpTo) => {
        const report = await rolledBack(db(), async (tx) => {
          await trail.cutOffAfter(keepUpTo, tx);
          return trail.verify(tx);
        });
        expect(report).toMatchObject({ ok: false, anchor: { state: "cut_off" } });
      }),
      { numRuns: 15, examples: [[0], [ids[0] as number], [last - 1]] },
    );
    expect((await trail.verify()).ok).toBe(true);
  });

  it("refuses lines not written with the audit key, and steps over a line cut short", async () => {
    const genuine = (await readLatestAnchor(trail.file, testAuditKey)).latest as AuditAnchor;
    // A forged anchor ahead of the chain would otherwise make it look cut off.
    const forgedLine = {
      v: 1,
      sequence: 9999,
      hash: "a".repeat(64),
      at: new Date().toISOString(),
      mac: "b".repeat(64),
    };
    appendFileSync(trail.file, `${JSON.stringify(forgedLine)}\n`);
    const forged = await trail.verify();
    expect(forged.anchor).toMatchObject({ state: "forged", ok: false, forgedLines: 1, anchor: genuine });

    // A crash cut the last write short: ignored while last, and the next anchor starts a new line.
    writeFileSync(trail.file, `${anchorLine(testAuditKey, genuine)}{"v":1,"seq`);
    expect(await readLatestAnchor(trail.file, testAuditKey)).toMatchObject({
      latest: genuine,
      unreadable: 0,
    });
    await writeRecords(db(), 1);
    await trail.seal();
    const reading = await readLatestAnchor(trail.file, testAuditKey);
    expect(reading).toMatchObject({ unreadable: 1, forged: 0 });
    expect(reading.latest?.sequence).toBeGreaterThan(genuine.sequence);
    expect((await trail.verify()).anchor).toMatchObject({ state: "matches", ok: true, unreadableLines: 1 });
  });

  it("warns when the chain is sealed but nothing is anchored, and checks an anchor given by hand", async () => {
    const latest = (await readLatestAnchor(trail.file, testAuditKey)).latest as AuditAnchor;
    rmSync(trail.file);
    expect(await trail.verify()).toMatchObject({ ok: true, anchor: { state: "missing", ok: true } });
    // A path that cannot be read as a file (here a folder; in practice its permissions).
    const unreadable = await verifyAuditTrail({
      db: db(),
      auditKey: testAuditKey,
      anchors: { file: trail.folder },
    });
    expect(unreadable).toMatchObject({ ok: false, anchor: { state: "file_unreadable", ok: false } });
    expect(unreadable.anchor?.readError).toMatch(/EISDIR/);

    const [given, none] = await rolledBack(db(), async (tx) => {
      await trail.cutOffAfter(ids[5] as number, tx);
      return [
        await verifyAuditTrail({ db: tx, auditKey: testAuditKey, anchors: { file: null, given: latest } }),
        await verifyAuditTrail({ db: tx, auditKey: testAuditKey, anchors: { file: null } }),
      ] as const;
    });
    expect(given.anchor).toMatchObject({ state: "cut_off", ok: false });
    expect(none.anchor).toMatchObject({ state: "not_configured", ok: true });
  });

  it("the sealer anchors after each pass and mails the latest anchor at most once an interval", async () => {
    const file = path.join(trail.folder, "sealer.jsonl");
    const mailer = new MemoryMailer();
    let now = Date.parse("2026-12-06T09:00:00.000Z");
    const sealer = startAuditSealer({
      db: db(),
      auditKey: testAuditKey,
      gapSettleMs: 0,
      idleIntervalMs: 60_000,
      busyIntervalMs: 60_000,
      anchoring: new AuditAnchoring({
        db: db(),
        auditKey: testAuditKey,
        settings: { file, mailTo: "auditor@example.org", mailIntervalMs: 60 * 60_000 },
        mail: { mailer, i18n: await createI18n(sourceRoot) },
        now: () => new Date(now),
      }),
    });
    try {
      await writeRecords(db(), 3);
      await sealer.runOnce();
      const first = (await readLatestAnchor(file, testAuditKey)).latest as AuditAnchor;
      expect(first.sequence).toBe((await chainHead(db()))?.sealedUpTo);
      expect(mailer.messages).toHaveLength(1);
      const [mail] = mailer.messages;
      expect(mail?.to).toBe("auditor@example.org");
      expect(mail?.subject).toContain(`Karvan audit anchor: record ${first.sequence}`);
      expect(mail?.subject).toContain("lövbəri");
      expect(mail?.text).toContain(anchorLine(testAuditKey, first).trim());
      expect(mail?.text).not.toContain("anchorMail");

      // Within the interval: anchored in the file, not mailed; once it has passed, mailed.
      await writeRecords(db(), 2);
      now += 10 * 60_000;
      await sealer.runOnce();
      const second = (await readLatestAnchor(file, testAuditKey)).latest as AuditAnchor;
      expect(second.sequence).toBeGreaterThan(first.sequence);
      expect(mailer.messages).toHaveLength(1);
      now += 60 * 60_000;
      await sealer.runOnce();
      expect(mailer.messages).toHaveLength(2);
      expect(mailer.messages[1]?.subject).toContain(`record ${second.sequence}`);
    } finally {
      await sealer.stop();
    }
  });
});

/** Sealing goes on after the cut, so these changes are committed: a database of their own. */
describe("a trail cut off for good", () => {
  let trail: Awaited<ReturnType<typeof anchoredTrail>>;
  beforeAll(async () => {
    trail = await anchoredTrail();
  });
  afterAll(async () => {
    await trail.destroy();
  });

  it("is not anchored again when new records are sealed past the old head, and verification fails", async () => {
    const ids = await allRecordIds(trail.database.db);
    const anchoredLines = trail.anchorLines().length;
    await trail.cutOffAfter(ids[8] as number);
    // New records take ids past the old head; the cut-off ids are sealed as unused.
    await writeRecords(trail.database.db, 4);
    const result = await trail.seal();
    expect(result.sealedUpTo).toBeGreaterThan(ids.at(-1) as number);
    expect(result.anchoring).toMatchObject({ state: "refused", anchor: { sequence: ids.at(-1) } });
    expect(trail.anchorLines()).toHaveLength(anchoredLines);
    const report = await trail.verify();
    expect(report.problemCount).toBe(0);
    expect(report.anchor).toMatchObject({ state: "rewritten", ok: false });
    expect(report.anchor?.foundHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("starts a new anchor file after a restore, keeping the old one and recording it", async () => {
    const before = await trail.verify();
    expect(before.anchor?.ok).toBe(false);
    const restart = await restartAuditAnchors({
      db: trail.database.db,
      auditKey: testAuditKey,
      file: trail.file,
      actor: { type: "system", id: null },
      now: new Date("2026-12-06T10:00:00.000Z"),
    });
    expect(restart.previous.state).toBe(before.anchor?.state);
    expect(restart.setAside).toBe(
      path.join(path.dirname(trail.file), "audit-anchors.until-2026-12-06T10-00-00Z.jsonl"),
    );
    expect(readFileSync(restart.setAside as string, "utf8")).toContain(
      `"sequence":${before.anchor?.anchor?.sequence}`,
    );
    await trail.seal();
    const [restarted] = await queryRows<{ details: { previousState: string } }>(
      trail.database.db,
      sql`select details from audit_records where action = 'audit.anchors_restarted'`,
    );
    expect(restarted?.details.previousState).toBe(before.anchor?.state);
    expect(await trail.verify()).toMatchObject({ ok: true, anchor: { state: "matches" } });
  });
});
