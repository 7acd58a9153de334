import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createAccessModule, deleteExpiredSessions, ensureReferenceData } from "./modules/access/index.js";
import { asylumCaseTypes, defineAsylumJobs, removeInterviewOfCase } from "./modules/asylum/index.js";
import {
  type CaseTypeInput,
  CaseTypeRegistry,
  calendarDeadlineClock,
  createCasesModule,
  defineCaseDeadlineJobs,
  type PersonRegistration,
} from "./modules/cases/index.js";
import {
  anonymiseReturnOutcomes,
  createEnforcementModule,
  createReadmissionModule,
  defineDetentionJobs,
  defineReadmissionJobs,
  defineReturnJobs,
  returnCaseTypes,
} from "./modules/enforcement/index.js";
import {
  casePersonStandings,
  prepareCasePersons,
  type RegisterChangeFollower,
  registerThresholdsOf,
} from "./modules/people/index.js";
import { caseTypeDefinitions } from "./modules/permits/index.js";
import {
  createPolicyStrategiesModule,
  definePolicyIndicatorJobs,
  defineStrategiesJobs,
} from "./modules/policy/index.js";
import { defineRetentionJob, loadRetentionRules, type RetentionServices } from "./modules/privacy/index.js";
import {
  chartDrawer,
  followRegister,
  type StatisticsContext,
  type StatisticsModule,
} from "./modules/statistics/index.js";
import { type Clock, systemClock } from "./platform/clock/index.js";
import type { KarvanConfig } from "./platform/config/index.js";
import { countryProfile, loadCountryProfile, selectCountryProfile } from "./platform/country/index.js";
import { type DatabaseHandle, openDatabase, runMigrations } from "./platform/db/index.js";
import { createLocalDocuments } from "./platform/files/index.js";
import { createI18n, type I18n } from "./platform/http/index.js";
import { createJobRunner, defineJob, type JobLogger, type JobRunner } from "./platform/jobs/index.js";
import { createMailer, createQueuedMailer, type Mailer } from "./platform/mail/index.js";
import { createDemoGateway } from "./platform/payments/index.js";
import { createDocumentSeal } from "./platform/pdf/index.js";

/**
 * The composition root: the one place where the platform's parts and the modules are built. The
 * server (src/app.ts), the CLI, worker threads, benchmarks and tests all build them here, so that
 * every caller runs the same modules with the same case types, calendar and keys.
 */

/**
 * The folder of the running code, src/ or its compiled copy dist/ (which holds the same templates and
 * translations): they are read from here. Either way the project root is its parent.
 */
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

/** The country's procedures, and the case types a caller adds (tests run on a small sample type). */
function caseTypesWith(extra: CaseTypeInput[] = []): CaseTypeInput[] {
  return [...caseTypeDefinitions, ...returnCaseTypes, ...asylumCaseTypes, ...extra];
}

/**
 * What turning case events into statistical records needs, for callers that build no other module:
 * a replay thread, `karvan stats`, the benchmarks. The cases module carries the same parts.
 */
export function statisticsContextOf(database: Pick<DatabaseHandle, "db">): StatisticsContext {
  return {
    db: database.db,
    registry: new CaseTypeRegistry(caseTypesWith()),
    deadlines: calendarDeadlineClock(countryProfile().calendar),
  };
}

/** Chooses the country this process serves (its calendar, code lists, formats): first, before any module. */
export function selectCountry(config: Pick<KarvanConfig, "countryProfile">): void {
  selectCountryProfile(loadCountryProfile(config.countryProfile));
}

/**
 * Files the modules read from the configuration: read before the database opens, so that a wrong
 * seal certificate, passphrase or retention file stops a start at once.
 */
export function readModuleFiles(config: KarvanConfig) {
  return {
    seal: createDocumentSeal(config),
    retentionRules: loadRetentionRules(config.country, config.retentionFile),
  };
}

type ModuleFiles = ReturnType<typeof readModuleFiles>;

/** The platform's parts every module is built from. */
interface Platform {
  config: KarvanConfig;
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  jobs: JobRunner;
  i18n: I18n;
  log: JobLogger;
  caseTypes?: CaseTypeInput[] | undefined;
}

/** Every module, built once, with the jobs they define (before the job runner starts). */
function buildModules(platform: Platform, files: ModuleFiles) {
  const { config, database, clock, mailer, jobs, i18n, log } = platform;
  const access = createAccessModule({ db: database.db, clock, config, mailer, jobs, i18n, log });
  const calendar = countryProfile().calendar;
  const legalDays = calendarDeadlineClock(calendar);
  // The watch lists are checked on every submission: the case engine runs the check it is given.
  const enforcement = createEnforcementModule({
    db: database.db,
    clock,
    config,
    guards: access.guards,
    legalDate: (at) => legalDays.legalDate(at),
    calendar,
    mailer,
    i18n,
  });
  const cases = createCasesModule({
    db: database.db,
    clock,
    config,
    mailer,
    guards: access.guards,
    calendar,
    caseTypes: caseTypesWith(platform.caseTypes),
    seal: files.seal,
    submissionChecks: [enforcement.submissionCheck],
    registerPersons: personRegistrationOf(config, clock),
    registeredPersons: casePersonStandings,
  });
  const documents = createLocalDocuments(config, clock);
  // Readmission requests under the agreements with partner states; their persons enter the register.
  const readmission = createReadmissionModule({
    db: database.db,
    clock,
    config,
    guards: access.guards,
    calendar,
    mailer,
    i18n,
    documents,
    registerThresholds: registerThresholdsOf(config),
  });
  // DEMO ONLY: the stand-in payment gateway (no money moves); outside demo mode there is no provider yet.
  const payments = config.demo ? createDemoGateway(config, { db: database.db, clock }) : undefined;
  const retention: RetentionServices = {
    cases,
    documents,
    i18n,
    rules: files.retentionRules,
    anonymiseBeside: [anonymiseReturnOutcomes, removeInterviewOfCase],
  };
  const statistics: StatisticsModule = {
    ...cases,
    guards: access.guards,
    charts: chartDrawer(config.countryProfile, config.statisticsChartThreads),
  };
  defineSessionCleanupJob(jobs, database, clock);
  defineCaseDeadlineJobs(jobs, { cases, i18n });
  defineDetentionJobs(jobs, enforcement.detention);
  defineReadmissionJobs(jobs, readmission);
  defineReturnJobs(jobs, enforcement);
  defineAsylumJobs(jobs, {
    db: database.db,
    clock,
    calendar,
    registry: cases.registry,
    config,
    mailer,
    i18n,
  });
  defineRetentionJob(jobs, retention);
  // Policy documents and action plans; the daily run warns agencies of their overdue actions.
  const policyStrategies = createPolicyStrategiesModule({
    db: database.db,
    clock,
    config,
    guards: access.guards,
    calendar,
    mailer,
    i18n,
    documents,
  });
  defineStrategiesJobs(jobs, policyStrategies);
  // Entered policy indicators: a monthly reminder to the agencies whose value is missing.
  definePolicyIndicatorJobs(jobs, { db: database.db, clock, mailer, i18n, publicUrl: config.publicUrl });
  return {
    access,
    cases,
    documents,
    enforcement,
    payments,
    policyStrategies,
    readmission,
    retention,
    statistics,
  };
}

/**
 * Every submitted case's persons enter the person register in the submission's transaction; the
 * case engine is handed the people module's operation, as it is handed the watch-list check.
 */
function personRegistrationOf(config: KarvanConfig, clock: Clock): PersonRegistration {
  const thresholds = registerThresholdsOf(config);
  return (cases) => prepareCasePersons(cases, { thresholds, at: clock.now() });
}

/**
 * What official statistics do when the register links, merges or parts persons: move the records
 * concerned and the cubes, in the register's transaction. The people module is handed it, so that it
 * imports nothing of statistics (which reads the register's links).
 */
export const statisticsFollowRegister: RegisterChangeFollower = async (tx, changes) => {
  await followRegister(tx, changes);
};

/** The access module's clean-up: the platform may not import modules, so it is defined here. */
function defineSessionCleanupJob(jobs: JobRunner, database: DatabaseHandle, clock: Clock): void {
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

/** The mail transport: SMTP when configured, files in the outbox folder otherwise. */
function mailTransportOf(config: KarvanConfig): Mailer {
  return createMailer({
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
}

const silentLog: JobLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface ServiceOptions {
  clock?: Clock | undefined;
  /** The transport that delivers mail (tests: in memory); queued behind `mail.send` when jobs are queued. */
  mailer?: Mailer | undefined;
  /** Where the jobs and modules log (the server's log); nothing by default. */
  log?: JobLogger | undefined;
  /** Translations already loaded (the server loads them for its pages). */
  i18n?: I18n | undefined;
  /** Case types besides the country's procedures (tests run on a small sample type). */
  caseTypes?: CaseTypeInput[] | undefined;
  files?: ModuleFiles | undefined;
}

/**
 * The platform's parts and every module on an open database. Jobs go to queues when the
 * configuration says so (`KARVAN_JOBS`); otherwise `send` runs a job at once, in the caller (the CLI).
 */
export async function buildServices(
  database: DatabaseHandle,
  config: KarvanConfig,
  options: ServiceOptions = {},
) {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLog;
  const i18n = options.i18n ?? (await createI18n(sourceRoot));
  const jobs = createJobRunner({ database, queued: config.jobs, log });
  const transport = options.mailer ?? mailTransportOf(config);
  const mailer = config.jobs ? createQueuedMailer({ jobs, transport, fileKey: config.fileKey }) : transport;
  const modules = buildModules(
    { config, database, clock, mailer, jobs, i18n, log, caseTypes: options.caseTypes },
    options.files ?? readModuleFiles(config),
  );
  return { config, database, clock, i18n, jobs, mailer, ...modules };
}

export type Services = Awaited<ReturnType<typeof buildServices>>;
