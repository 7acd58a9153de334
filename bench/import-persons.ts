import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../src/app.js";
import { linkImportBatchToRegister } from "../src/cli/import-persons.js";
import { registerOccurrence } from "../src/modules/people/index.js";
import { importFiles, readImportDirectory } from "../src/modules/statistics/index.js";
import { openDatabase } from "../src/platform/db/index.js";
import { adminQuery, databaseNamed } from "./support/scratch-database.js";

/**
 * The step after `karvan import` that links the batch's persons to the person register and counts
 * their records under the register persons: BENCH_ROWS data lines (default 100,000: a quarter
 * persons, the rest applications and permits referring to them), three in five persons with a
 * document number, a few hundred of those already in the register. Prints the import's time and the
 * linking step's beside the anchor: the step takes less than the import's own time (the import
 * itself is not slowed: the step runs after it has committed).
 */
const totalRows = Number(process.env.BENCH_ROWS ?? 100_000);
const serverUrl = process.env.DATABASE_URL;
const scratch = `karvan_bench_${randomBytes(4).toString("hex")}`;
const knownDocuments = 300;

let seed = 20_261_206;
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const pad = (n: number) => String(n).padStart(2, "0");
const dateIn = (from: number, to: number) =>
  `${from + Math.floor(random() * (to - from + 1))}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
const daysAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Generated {
  persons: number;
  known: Array<{ document: string; citizenship: string; birthDate: string }>;
}

async function generate(dir: string): Promise<Generated> {
  const persons = Math.floor(totalRows / 4);
  const applications = Math.floor(totalRows * 0.4);
  const permits = totalRows - persons - applications;
  const citizenships = ["SY", "AF", "IQ", "IR", "RU", "GE", "TR", "UA", "IN", "CN"];
  const known: Generated["known"] = [];
  const personLines = ["person_id,citizenship,sex,birth_date,document_number"];
  for (let i = 0; i < persons; i++) {
    const citizenship = pick(citizenships);
    const birthDate = dateIn(1950, 2005);
    const document = random() < 0.6 ? `X${String(10_000_000 + i)}` : "";
    if (document && known.length < knownDocuments && random() < 0.05)
      known.push({ document, citizenship, birthDate });
    personLines.push(`p${i},${citizenship},${pick(["F", "M"])},${birthDate},${document}`);
  }
  const person = () => `p${Math.floor(random() * persons)}`;
  const applicationLines = ["application_id,person_id,case_type,lodged_on"];
  for (let i = 0; i < applications; i++)
    applicationLines.push(`a${i},${person()},asylum,${dateIn(2015, 2024)}`);
  const permitLines = ["permit_id,person_id,case_type,reason,valid_from,valid_to"];
  for (let i = 0; i < permits; i++) {
    const from = dateIn(2015, 2025);
    permitLines.push(
      `m${i},${person()},temporary-residence-permit,${pick(["FAM", "EDUC", "OCC", "OTH"])},${from},${daysAfter(from, 365)}`,
    );
  }
  await writeFile(path.join(dir, "persons.csv"), `${personLines.join("\n")}\n`);
  await writeFile(path.join(dir, "applications.csv"), `${applicationLines.join("\n")}\n`);
  await writeFile(path.join(dir, "permits.csv"), `${permitLines.join("\n")}\n`);
  return { persons, known };
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

const dir = await mkdtemp(path.join(tmpdir(), "karvan-bench-import-persons-"));
if (serverUrl) await adminQuery(serverUrl, `create database ${scratch}`);
const database = await openDatabase(serverUrl ? { databaseUrl: databaseNamed(serverUrl, scratch) } : {});
try {
  await prepareDatabase(database);
  const generated = await generate(dir);
  for (const one of generated.known) {
    await registerOccurrence(
      database.db,
      {
        fullName: "Known Person",
        birthDate: one.birthDate,
        citizenship: one.citizenship,
        document: { number: one.document },
      },
      { kind: "case", caseId: randomUUID(), role: "applicant" },
      { thresholds: { link: 15, review: 5 } },
    );
  }
  const files = await readImportDirectory(dir);
  let started = performance.now();
  const imported = await importFiles(database.db, files, { importedBy: "bench", at: new Date() });
  if (!imported.imported) throw new Error(JSON.stringify(imported.errors.slice(0, 5)));
  const importSeconds = seconds(started);
  started = performance.now();
  const cpu = process.cpuUsage();
  const linking = await linkImportBatchToRegister(database.db, imported.report.batchId, files);
  const linkSeconds = seconds(started);
  const linkCpu = cpuSeconds(cpu);
  const share = linkSeconds / importSeconds;
  process.stdout.write(
    `${serverUrl ? "server" : "embedded"}: ${totalRows.toLocaleString("en")} rows, ${generated.persons.toLocaleString("en")} persons ` +
      `(${linking.byDocument} linked by document, ${linking.created.toLocaleString("en")} new); ` +
      `import ${importSeconds.toFixed(2)} s, linking step ${linkSeconds.toFixed(2)} s (process ${linkCpu.toFixed(2)} CPU-s, ` +
      `${Math.round(generated.persons / linkSeconds).toLocaleString("en")} persons/s)\n`,
  );
  process.stdout.write(
    `linking step / import time: ${(share * 100).toFixed(0)}% — anchor: under 100% ${share < 1 ? "(met)" : "(NOT met)"}\n`,
  );
} finally {
  await database.close();
  if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
  await rm(dir, { recursive: true, force: true });
}
