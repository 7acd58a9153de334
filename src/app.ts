import path from "node:path";
import type { FastifyInstance } from "fastify";
import {
  buildServices,
  dataPaths,
  type Services as ModuleServices,
  openConfiguredDatabase,
  prepareDatabase,
  projectRoot,
  readModuleFiles,
  selectCountry,
  sourceRoot,
  statisticsFollowRegister,
} from "./composition-root.js";
import {
  AuditAnchoring,
  auditAnchorSettings,
  createApiKeyAuthenticator,
  registerAccessContext,
  registerAccessRoutes,
  startAuditSealer,
} from "./modules/access/index.js";
import { registerAsylumRoutes, scheduleAsylumJobs } from "./modules/asylum/index.js";
import {
  awaitingApprovalPanel,
  type CaseTypeInput,
  registerApplicationApiRoutes,
  registerCaseApiRoutes,
  registerCatalogueRoutes,
  registerPortalRoutes,
  registerWorkspaceRoutes,
  scheduleCaseDeadlineJobs,
} from "./modules/cases/index.js";
import {
  registerEnforcementRoutes,
  registerReadmissionPages,
  registerReturnOrderPage,
  returnOrderStepRunners,
  scheduleDetentionJobs,
  scheduleReadmissionJobs,
  scheduleReturnJobs,
} from "./modules/enforcement/index.js";
import { registerLinkFilePage, registerPersonRegisterPages } from "./modules/people/index.js";
import { registerPermitApiRoutes } from "./modules/permits/index.js";
import {
  registerConsultationPages,
  registerPolicyIndicatorPages,
  registerPolicyReportPages,
  registerPolicyStrategyPages,
  registerResearchPages,
  schedulePolicyIndicatorJobs,
  scheduleStrategiesJobs,
} from "./modules/policy/index.js";
import {
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
import type { Clock } from "./platform/clock/index.js";
import type { KarvanConfig } from "./platform/config/index.js";
import { acquireDataDirLock } from "./platform/db/data-dir-lock.js";
import type { DatabaseHandle } from "./platform/db/index.js";
import { registerMultipartForms } from "./platform/files/index.js";
import {
  createHttpServer,
  createI18n,
  createViewEnvironment,
  type HttpServer,
} from "./platform/http/index.js";
import { registerJobMetrics } from "./platform/jobs/index.js";
import type { Mailer } from "./platform/mail/index.js";
import { registerDemoGatewayRoutes } from "./platform/payments/index.js";
import { registerOutboxRoutes } from "./web/outbox/routes.js";
import { registerWebRoutes } from "./web/routes.js";

export { dataPaths, openConfiguredDatabase, prepareDatabase, projectRoot, sourceRoot };

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

/** The modules built by the composition root, served over HTTP with their background work. */
export type Karvan = ModuleServices & {
  server: HttpServer;
  close(): Promise<void>;
};

/** Opens the configured database (or takes the one given) under the data folder's lock. */
async function openOwnDatabase(
  options: KarvanOptions,
): Promise<{ database: DatabaseHandle; owned: boolean; release(): void }> {
  const { config } = options;
  if (options.database) return { database: options.database, owned: false, release: () => {} };
  // The embedded database may be open in one process only (see karvan backup / restore).
  const lock = config.databaseUrl ? undefined : acquireDataDirLock(config.dataDir, "serve");
  try {
    const database = await openConfiguredDatabase(config);
    await prepareDatabase(database);
    return { database, owned: true, release: () => lock?.release() };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Every module's pages and API on the server, with the demo's stand-ins in demo mode. */
async function registerRoutes(server: FastifyInstance, services: ModuleServices): Promise<void> {
  const { config, database, access, cases, documents, enforcement, payments, i18n, retention, statistics } =
    services;
  // Uploads (multipart) for every route; the CSRF token must be the form's first field.
  await registerMultipartForms(server);
  registerAccessContext(server, {
    db: database.db,
    clock: services.clock,
    config,
    authenticateApiKey: createApiKeyAuthenticator({ db: database.db, clock: services.clock }),
  });
  const workspace = { cases, documents, i18n };
  await registerWebRoutes(server, access.guards, config.demo, [awaitingApprovalPanel(workspace)]);
  await registerAccessRoutes(server, access);
  await registerWorkspaceRoutes(server, workspace);
  await registerPortalRoutes(server, { cases, documents, payments, i18n });
  // Steps of case types whose module takes them (return orders) go through that module's operation.
  await registerCaseApiRoutes(server, { cases, i18n, moduleSteps: returnOrderStepRunners() });
  await registerApplicationApiRoutes(server, { cases, documents, payments, i18n });
  await registerCatalogueRoutes(server, cases);
  await registerPermitApiRoutes(server, { cases, i18n });
  await registerDataSubjectRoutes(server, { cases, documents, i18n });
  // Watch lists (entry bans, wanted persons) and the review of the holds they put on cases.
  await registerEnforcementRoutes(server, { enforcement, cases, documents, i18n });
  // Readmission requests with partner states: dashboard, requests both ways, agreements' values.
  registerReadmissionPages(server, services.readmission);
  // Orders to leave: each order's deadline, entry ban and outcomes, and its steps.
  registerReturnOrderPage(server, cases);
  registerAsylumRoutes(server, { cases, i18n });
  // Linking a file of person records (the page of `karvan people link`).
  registerLinkFilePage(server, { db: database.db, clock: services.clock, guards: access.guards });
  // The person register's officer pages; the statistics follow every link they change.
  registerPersonRegisterPages(server, {
    db: database.db,
    clock: services.clock,
    guards: access.guards,
    cases,
    followChanges: statisticsFollowRegister,
  });
  // Retention: the daily run that removes or anonymises expired records, and the DPO's pages.
  await registerRetentionRoutes(server, retention);
  await registerStatisticsRoutes(server, statistics);
  await registerComparisonRoutes(server, statistics);
  await registerIndicatorRoutes(server, statistics);
  // Policy indicators on live data: definitions, entered values, trajectories, policy-change estimates.
  registerPolicyIndicatorPages(server, {
    db: database.db,
    clock: services.clock,
    guards: access.guards,
    mailer: services.mailer,
    i18n,
    publicUrl: config.publicUrl,
  });
  // Policy documents and action plans: objectives, measures, actions, agencies' status reports, dashboard.
  registerPolicyStrategyPages(server, services.policyStrategies);
  // Public consultation on drafts: the portal's pages, comments verified by e-mail, moderation, the report.
  registerConsultationPages(server, services.policyStrategies);
  // Monitoring reports of policy documents as PDF and DOCX; their public versions on the portal.
  registerPolicyReportPages(server, { db: database.db, clock: services.clock, guards: access.guards, i18n });
  // The research library on the portal, and researchers' access to k-anonymous microdata extracts.
  registerResearchPages(server, {
    db: database.db,
    clock: services.clock,
    config,
    mailer: services.mailer,
    i18n,
    documents,
    guards: access.guards,
  });
  await registerOpenDataRoutes(server, statistics);
  if (config.demo) {
    await registerOutboxRoutes(server, {
      db: database.db,
      guards: access.guards,
      outboxDir: dataPaths(config).outbox,
      publicUrl: config.publicUrl,
    });
    // DEMO ONLY: the stand-in payment page (/demo/pay/:paymentId); no money moves.
    if (payments) await registerDemoGatewayRoutes(server, payments);
  }
}

/**
 * The work behind the request path: scheduled jobs, the audit sealer, and the statistics projector
 * (in the request thread, ADR 0030). Returns what stops it.
 */
async function startBackgroundWork(
  services: ModuleServices,
  server: HttpServer,
): Promise<() => Promise<void>> {
  const { config, database, jobs, mailer, i18n } = services;
  await jobs.schedule("sessions.cleanup", "*/15 * * * *");
  await scheduleCaseDeadlineJobs(jobs);
  await scheduleDetentionJobs(jobs);
  await scheduleReadmissionJobs(jobs);
  await scheduleReturnJobs(jobs);
  await scheduleAsylumJobs(jobs);
  await scheduleRetentionJob(jobs);
  await scheduleStrategiesJobs(jobs);
  await schedulePolicyIndicatorJobs(jobs);
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
      ? startStatisticsProjector(services.cases, { log: server.log })
      : null;
  return async () => {
    await auditSealer?.stop();
    await statisticsProjector?.stop();
    await jobs.stop();
  };
}

/** The server: the composition root's modules behind Karvan's HTTP server, with their background work. */
export async function buildKarvan(options: KarvanOptions): Promise<Karvan> {
  const { config } = options;
  selectCountry(config);
  const files = readModuleFiles(config);
  const own = await openOwnDatabase(options);
  const { database } = own;
  const i18n = await createI18n(sourceRoot);
  const server = await createHttpServer({
    config,
    i18n,
    views: createViewEnvironment(sourceRoot, { watch: config.env === "development" }),
    assetsDir: path.join(projectRoot, "dist", "public"),
    checkReadiness: async () => {
      await database.raw.query("select 1");
    },
    ...(options.logger !== undefined ? { logger: options.logger } : {}),
  });
  const services = await buildServices(database, config, {
    clock: options.clock,
    mailer: options.mailer,
    log: server.log,
    i18n,
    caseTypes: options.caseTypes,
    files,
  });
  registerJobMetrics(server.metrics.registry, services.jobs);
  registerParkedCaseMetrics(server.metrics.registry, database.db);
  await registerRoutes(server, services);
  await server.ready();
  const stopBackgroundWork = await startBackgroundWork(services, server);
  return {
    ...services,
    server,
    async close() {
      await stopBackgroundWork();
      await server.close();
      if (own.owned) await database.close();
      own.release();
    },
  };
}
