import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import {
  type AccessModule,
  createAccessModule,
  ensureReferenceData,
  registerAccessContext,
  registerAccessRoutes,
} from "./modules/access/index.js";
import { type Clock, systemClock } from "./platform/clock/index.js";
import type { KarvanConfig } from "./platform/config/index.js";
import { type DatabaseHandle, openDatabase, runMigrations } from "./platform/db/index.js";
import {
  createHttpServer,
  createI18n,
  createViewEnvironment,
  type HttpServer,
} from "./platform/http/index.js";
import { createMailer, type Mailer } from "./platform/mail/index.js";
import { registerWebRoutes } from "./web/routes.js";

/** The source folder: templates and translations are read from here. */
export const sourceRoot = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.dirname(sourceRoot);

/** Folders inside the data directory. */
export function dataPaths(config: KarvanConfig) {
  return {
    pgdata: path.join(config.dataDir, "pgdata"),
    outbox: path.join(config.dataDir, "outbox"),
    files: path.join(config.dataDir, "files"),
    backups: path.join(config.dataDir, "backups"),
  };
}

/** Opens the configured database (PGlite in the data folder, or the PostgreSQL server). */
export async function openConfiguredDatabase(config: KarvanConfig): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: dataPaths(config).pgdata });
}

/** Applies migrations and the reference data every installation needs (roles, agencies). */
export async function prepareDatabase(database: DatabaseHandle): Promise<void> {
  await runMigrations(database);
  await ensureReferenceData(database.db);
}

export interface KarvanOptions {
  config: KarvanConfig;
  /** An already open database (tests); otherwise the configured one is opened and migrated. */
  database?: DatabaseHandle;
  clock?: Clock;
  mailer?: Mailer;
  logger?: boolean | Record<string, unknown>;
}

export interface Karvan {
  config: KarvanConfig;
  database: DatabaseHandle;
  server: HttpServer;
  access: AccessModule;
  mailer: Mailer;
  clock: Clock;
  close(): Promise<void>;
}

/** Wires the platform and the modules into one application; the single place services are built. */
export async function buildKarvan(options: KarvanOptions): Promise<Karvan> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openConfiguredDatabase(config));
  if (ownsDatabase) await prepareDatabase(database);

  const mailer =
    options.mailer ??
    createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: dataPaths(config).outbox });
  const i18n = await createI18n(sourceRoot);
  const views = createViewEnvironment(sourceRoot, { watch: config.env === "development" });

  const server = await createHttpServer({
    config,
    i18n,
    views,
    assetsDir: path.join(projectRoot, "build", "public"),
    checkReadiness: async () => {
      await database.raw.query("select 1");
    },
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });

  const access = createAccessModule({ db: database.db, clock, config, mailer });
  registerAccessContext(server as FastifyInstance, { db: database.db, clock, config });
  await registerWebRoutes(server as FastifyInstance, access.guards, config.demo);
  await registerAccessRoutes(server as FastifyInstance, access);

  await server.ready();

  return {
    config,
    database,
    server,
    access,
    mailer,
    clock,
    async close() {
      await server.close();
      if (ownsDatabase) await database.close();
    },
  };
}
