import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import { z } from "zod";
import {
  type AccessModule,
  AuditAnchoring,
  auditAnchorSettings,
  createAccessModule,
  createApiKeyAuthenticator,
  deleteExpiredSessions,
  ensureReferenceData,
  registerAccessContext,
  registerAccessRoutes,
  startAuditSealer,
} from "./modules/access/index.js";
import {
  awaitingApprovalPanel,
  type CasesModule,
  type CaseTypeInput,
  createCasesModule,
  defineCaseDeadlineJobs,
  registerApplicationApiRoutes,
  registerCaseApiRoutes,
  registerCatalogueRoutes,
  registerPortalRoutes,
  registerWorkspaceRoutes,
  scheduleCaseDeadlineJobs,
} from "./modules/cases/index.js";
import { caseTypeDefinitions, registerPermitApiRoutes } from "./modules/permits/index.js";
import {
  defineRetentionJob,
  loadRetentionRules,
  type RetentionServices,
  registerDataSubjectRoutes,
  registerRetentionRoutes,
  scheduleRetentionJob,
} from "./modules/privacy/index.js";
import {
  registerComparisonRoutes,
  registerIndicatorRoutes,
  registerOpenDataRoutes,
  registerParkedCaseMetrics,
  registerStatisticsRoutes,
  startStatisticsProjector,
} from "./modules/statistics/index.js";
import { loadLegalCalendars } from "./platform/calendar/index.js";
import { type Clock, systemClock } from "./platform/clock/index.js";
import type { KarvanConfig } from "./platform/config/index.js";
import { acquireDataDirLock } from "./platform/db/data-dir-lock.js";
import { type DatabaseHandle, openDatabase, runMigrations } from "./platform/db/index.js";
import { createLocalDocuments, registerMultipartForms } from "./platform/files/index.js";
import {
  createHttpServer,
  createI18n,
  createViewEnvironment,
  type HttpServer,
} from "./platform/http/index.js";
import { createJobRunner, defineJob, type JobRunner, registerJobMetrics } from "./platform/jobs/index.js";
import { createMailer, createQueuedMailer, type Mailer } from "./platform/mail/index.js";
import { createDemoGateway, registerDemoGatewayRoutes } from "./platform/payments/index.js";
import { createDocumentSeal } from "./platform/pdf/index.js";
import { startProjectorThread } from "./statistics-projector-thread.js";
import { registerOutboxRoutes } from "./web/outbox/routes.js";
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
  /** The transport that delivers mail (tests: in memory); queued behind `mail.send` when jobs run. */
  mailer?: Mailer;
  logger?: boolean | Record<string, unknown>;
  /** Case types besides the country's procedures (tests run on a small sample type). */
  caseTypes?: CaseTypeInput[];
}

export interface Karvan {
  config: KarvanConfig;
  database: DatabaseHandle;
  server: HttpServer;
  access: AccessModule;
  cases: CasesModule;
  mailer: Mailer;
  jobs: JobRunner;
  clock: Clock;
  /** The retention rules and what applying them needs (the daily run, `karvan privacy expire`). */
  retention: RetentionServices;
  close(): Promise<void>;
}

/** Jobs of the modules: the platform may not import modules, so they are defined here. */
function defineModuleJobs(jobs: JobRunner, database: DatabaseHandle, clock: Clock): void {
  jobs.define(
    defineJob({
      name: "sessions.cleanup",
      payload: z.object({}),
      retry: { limit: 1 },
      handle: async (_payload, { log }) => {
        log.info({ deleted: await deleteExpiredSessions(database.db, clock) }, "expired sessions deleted");
      },
    }),
  );
}

/**
 * The statistics projector: on a PostgreSQL server, in a thread of its own, so that replaying cases
 * never holds up the requests' event loop; on the embedded database (one connection, in this
 * thread), and with case types the thread would not know (tests), in this thread.
 */
function startStatistics(
  database: DatabaseHandle,
  config: KarvanConfig,
  cases: CasesModule,
  options: KarvanOptions,
  log: FastifyBaseLogger,
): Promise<{ stop(): Promise<void> }> | { stop(): Promise<void> } {
  if (database.kind === "postgres" && database.url && (options.caseTypes ?? []).length === 0)
    return startProjectorThread({ databaseUrl: database.url, country: config.country }, log);
  return startStatisticsProjector(cases, { log });
}

/** Wires the platform and the modules into one application; the single place services are built. */
export async function buildKarvan(options: KarvanOptions): Promise<Karvan> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  // Reads the configured seal certificate first: a wrong file or passphrase stops the start at once.
  const seal = createDocumentSeal(config);
  const retentionRules = loadRetentionRules(config.country, config.retentionFile);
  const ownsDatabase = !options.database;
  // The embedded database may be open in one process only (see karvan backup / restore).
  const lock = ownsDatabase && !config.databaseUrl ? acquireDataDirLock(config.dataDir, "serve") : undefined;
  let database: DatabaseHandle;
  try {
    database = options.database ?? (await openConfiguredDatabase(config));
    if (ownsDatabase) await prepareDatabase(database);
  } catch (error) {
    lock?.release();
    throw error;
  }

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

  // Uploads (multipart) for every route; the CSRF token must be the form's first field.
  await registerMultipartForms(server as FastifyInstance);

  const jobs = createJobRunner({ database, queued: config.jobs, log: server.log });
  const transport =
    options.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: dataPaths(config).outbox,
      ...(config.demo && config.env !== "test"
        ? {
            onOutboxWrite: (mail) =>
              process.stderr.write(`mail to ${mail.to}: ${mail.subject} — ${mail.file}\n`),
          }
        : {}),
    });
  const mailer = config.jobs ? createQueuedMailer({ jobs, transport, fileKey: config.fileKey }) : transport;
  defineModuleJobs(jobs, database, clock);
  registerJobMetrics(server.metrics.registry, jobs);
  registerParkedCaseMetrics(server.metrics.registry, database.db);

  const access = createAccessModule({ db: database.db, clock, config, mailer, jobs, i18n, log: server.log });
  registerAccessContext(server as FastifyInstance, {
    db: database.db,
    clock,
    config,
    authenticateApiKey: createApiKeyAuthenticator({ db: database.db, clock }),
  });
  const cases = createCasesModule({
    db: database.db,
    clock,
    config,
    mailer,
    guards: access.guards,
    calendar: loadLegalCalendars().of(config.country),
    caseTypes: [...caseTypeDefinitions, ...(options.caseTypes ?? [])],
    seal,
  });
  const documents = createLocalDocuments(config, clock);
  defineCaseDeadlineJobs(jobs, { cases, i18n });
  const workspace = { cases, documents, i18n };
  await registerWebRoutes(server as FastifyInstance, access.guards, config.demo, [
    awaitingApprovalPanel(workspace),
  ]);
  await registerAccessRoutes(server as FastifyInstance, access);
  await registerWorkspaceRoutes(server as FastifyInstance, workspace);
  // DEMO ONLY: the stand-in payment gateway (no money moves); outside demo mode there is no provider yet.
  const payments = config.demo ? createDemoGateway(config, { db: database.db, clock }) : undefined;
  await registerPortalRoutes(server as FastifyInstance, { cases, documents, payments, i18n });
  await registerCaseApiRoutes(server as FastifyInstance, { cases });
  await registerApplicationApiRoutes(server as FastifyInstance, { cases, documents, payments, i18n });
  await registerCatalogueRoutes(server as FastifyInstance, cases);
  await registerPermitApiRoutes(server as FastifyInstance, cases);
  await registerDataSubjectRoutes(server as FastifyInstance, { cases, documents, i18n });
  // Retention: the daily run that removes or anonymises expired records, and the DPO's pages.
  const retention = {
    cases,
    documents,
    i18n,
    rules: retentionRules,
  };
  defineRetentionJob(jobs, retention);
  await registerRetentionRoutes(server as FastifyInstance, retention);
  const statistics = { ...cases, guards: access.guards };
  await registerStatisticsRoutes(server as FastifyInstance, statistics);
  await registerComparisonRoutes(server as FastifyInstance, statistics);
  await registerIndicatorRoutes(server as FastifyInstance, statistics);
  await registerOpenDataRoutes(server as FastifyInstance, statistics);
  if (config.demo) {
    await registerOutboxRoutes(server as FastifyInstance, {
      db: database.db,
      guards: access.guards,
      outboxDir: dataPaths(config).outbox,
      publicUrl: config.publicUrl,
    });
    // DEMO ONLY: the stand-in payment page (/demo/pay/:paymentId); no money moves.
    if (payments) await registerDemoGatewayRoutes(server as FastifyInstance, payments);
  }

  await server.ready();
  await jobs.schedule("sessions.cleanup", "*/15 * * * *");
  await scheduleCaseDeadlineJobs(jobs);
  await scheduleRetentionJob(jobs);
  await jobs.start();
  // Seals the audit trail behind the request path; every instance runs one, one seals at a time.
  const auditSealer = config.jobs
    ? startAuditSealer({
        db: database.db,
        auditKey: config.auditKey,
        log: server.log,
        // After each pass the chain's head is anchored outside the database (ADR 0023).
        anchoring: new AuditAnchoring({
          db: database.db,
          auditKey: config.auditKey,
          settings: auditAnchorSettings(config),
          mail: { mailer, i18n },
        }),
      })
    : null;
  // Keeps the statistical records and cubes current behind the request path.
  const statisticsProjector =
    config.jobs && config.statisticsProjector
      ? await startStatistics(database, config, cases, options, server.log)
      : null;

  return {
    config,
    database,
    server,
    access,
    cases,
    mailer,
    jobs,
    clock,
    retention,
    async close() {
      await auditSealer?.stop();
      await statisticsProjector?.stop();
      await jobs.stop();
      await server.close();
      if (ownsDatabase) await database.close();
      lock?.release();
    },
  };
}
