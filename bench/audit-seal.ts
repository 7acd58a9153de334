import { randomBytes } from "node:crypto";
import { prepareDatabase } from "../src/app.js";
import { recordAudit, sealPendingRecords, verifyAuditTrail } from "../src/modules/access/index.js";
import { openDatabase } from "../src/platform/db/index.js";

/**
 * Audit sealing against the rate at which requests write audit records. The anchor is the write
 * rate: concurrent INSERTs as the request path makes them. Sealing must run faster than records
 * arrive (ratio > 1), or the unsealed tail would grow under load.
 * Uses a scratch database on the server named by DATABASE_URL (created and dropped), else PGlite.
 */
const records = Number(process.env.BENCH_RECORDS ?? 20_000);
const writers = 16;
const serverUrl = process.env.DATABASE_URL;
const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;

async function openScratch() {
  if (!serverUrl) return openDatabase({});
  const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
  await admin.raw.query(`create database ${scratch}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: writers });
}

const database = await openScratch();
try {
  await prepareDatabase(database);
  const auditKey = "bench-audit-key-".padEnd(40, "x");
  let next = 0;
  const writeStarted = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let id = ++next; id <= records; id = ++next) {
        await recordAudit(database.db, {
          actor: { type: "user", id: "00000000-0000-4000-8000-000000000001" },
          action: "person.viewed",
          outcome: "success",
          entityType: "person",
          entityId: String(id),
          ip: "203.0.113.7",
          requestId: randomBytes(8).toString("hex"),
          details: { reason: "case_work" },
        });
        if (id % 2000 === 0) process.stderr.write(`\rwritten ${id}/${records}`);
      }
    }),
  );
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  process.stderr.write("\n");

  const sealStarted = performance.now();
  const sealed = await sealPendingRecords({ db: database.db, auditKey }, { timeoutMs: 120_000 });
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  const verifyStarted = performance.now();
  const report = await verifyAuditTrail({ db: database.db, auditKey });
  const verifySeconds = (performance.now() - verifyStarted) / 1000;

  const writeRate = records / writeSeconds;
  const sealRate = sealed.sealedRecords / sealSeconds;
  const problems = report.problemCount;
  process.stdout.write(
    `audit-seal (${database.kind}): records ${sealed.sealedRecords}, seal ${Math.round(sealRate)}/s, ` +
      `verify ${Math.round(records / verifySeconds)}/s, problems ${problems}, ` +
      `anchor write ${Math.round(writeRate)}/s with ${writers} writers, ratio ${(sealRate / writeRate).toFixed(1)}\n`,
  );
} finally {
  await database.close();
  if (serverUrl) {
    const admin = await openDatabase({ databaseUrl: serverUrl, poolSize: 1 });
    await admin.raw.query(`drop database if exists ${scratch} with (force)`);
    await admin.close();
  }
}
