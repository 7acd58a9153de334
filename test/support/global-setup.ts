import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../src/app.js";
import { openDatabase } from "../../src/platform/db/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
    postgresUrl: string | null;
  }
}

/**
 * Migrates one template database per kind of database, so that each test file starts from a copy in
 * well under a second instead of migrating from nothing: a PGlite data-folder dump shared by the
 * embedded projects (unit and browser tests), and for the server project a template database cloned
 * with CREATE DATABASE ... TEMPLATE. Each project builds only the template its files open.
 */
export default async function setup(project: TestProject) {
  if (project.name === "postgres") return setupServerTemplate(project);
  return setupEmbeddedTemplate(project);
}

interface EmbeddedTemplate {
  file: Promise<string>;
  users: number;
}

/** Global set-ups of all projects run in Vitest's main process: the first one builds, the others wait. */
const shared = globalThis as { karvanEmbeddedTemplate?: EmbeddedTemplate };

async function setupEmbeddedTemplate(project: TestProject) {
  shared.karvanEmbeddedTemplate ??= { file: buildEmbeddedTemplate(), users: 0 };
  const template = shared.karvanEmbeddedTemplate;
  template.users += 1;
  project.provide("pgliteTemplate", await template.file);
  project.provide("postgresTemplate", null);
  project.provide("postgresUrl", process.env.KARVAN_TEST_POSTGRES_URL ?? null);
  return async () => {
    template.users -= 1;
    if (template.users > 0) return;
    shared.karvanEmbeddedTemplate = undefined;
    rmSync(path.dirname(await template.file), { recursive: true, force: true });
  };
}

/**
 * Every embedded test file unpacks the template into memory and starts PostgreSQL on it, so the
 * template carries only what the tests use: one WAL segment of 1 MB instead of 16 MB (set at
 * initdb), no template0 and template1 databases (the tests never create a database in PGlite), and
 * 16 MB of shared buffers instead of 128 MB, which PostgreSQL sets up at every start. Measured on
 * the 2-core machine: the dump shrinks from 44 MB to 20 MB and a copy starts in 235 ms instead of
 * 424 ms. None of this changes what SQL does.
 */
const slimTemplateStatements = [
  "alter system set shared_buffers = '16MB'",
  "update pg_database set datistemplate = false where datname in ('template0', 'template1')",
  "drop database template0",
  "drop database template1",
];

async function buildEmbeddedTemplate(): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), "karvan-test-"));
  const pglite = await openDatabase({ pgliteInitDbArgs: ["--wal-segsize=1"] });
  for (const statement of slimTemplateStatements) await pglite.raw.exec(statement);
  await prepareDatabase(pglite);
  if (!pglite.dumpDataDir) throw new Error("the embedded database cannot be dumped");
  const dump = await pglite.dumpDataDir("none");
  const templateFile = path.join(folder, "template.tar");
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return templateFile;
}

async function setupServerTemplate(project: TestProject) {
  const postgresUrl = process.env.KARVAN_TEST_POSTGRES_URL;
  if (!postgresUrl) throw new Error("the postgres project needs KARVAN_TEST_POSTGRES_URL");
  const templateName = `karvan_template_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 });
  await admin.raw.query(`create database ${templateName}`);
  await admin.close();
  const template = await openDatabase({
    databaseUrl: withDatabaseName(postgresUrl, templateName),
    poolSize: 1,
  });
  await prepareDatabase(template);
  await template.close();
  project.provide("pgliteTemplate", "");
  project.provide("postgresTemplate", templateName);
  project.provide("postgresUrl", postgresUrl);

  return async () => {
    const cleaner = await openDatabase({ databaseUrl: postgresUrl, poolSize: 1 });
    await cleaner.raw.query(`drop database if exists ${templateName} with (force)`);
    await cleaner.close();
  };
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
