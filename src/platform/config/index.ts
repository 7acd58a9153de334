import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { countryProfileFile, loadCountryProfile, referenceCountry } from "../country/index.js";

/**
 * One typed configuration for the whole process. Values come from an optional JSON file
 * (KARVAN_CONFIG) overridden by environment variables. Production refuses to start without
 * real secrets; outside production, missing secrets are generated once and kept in the data
 * folder so that sessions and the audit chain survive a restart.
 */

const booleanFromString = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])])
  .transform((value) => value === true || value === "true" || value === "1" || value === "yes");

const secret = z.string().min(32, "must be at least 32 characters");

const rawConfigSchema = z.object({
  env: z.enum(["development", "test", "production"]).default("development"),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default("127.0.0.1"),
  dataDir: z.string().default("./data"),
  databaseUrl: z.string().url().optional(),
  demo: booleanFromString.optional(),
  publicUrl: z.string().url().optional(),
  sessionSecret: secret.optional(),
  auditKey: secret.optional(),
  auditAnchorFile: z.string().min(1).optional(),
  auditAnchorMail: z.email("must be an e-mail address").optional(),
  auditAnchorMailMinutes: z.coerce.number().int().min(1).max(10_080).default(60),
  fileKey: secret.optional(),
  sealCertificate: z.string().min(1).optional(),
  sealPassphrase: z.string().optional(),
  smtpUrl: z.string().url().optional(),
  mailFrom: z.string().default("Karvan <no-reply@karvan.local>"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  trustProxy: booleanFromString.default(false),
  jobs: booleanFromString.default(true),
  statisticsProjector: booleanFromString.default(true),
  country: z.string().min(1).default(referenceCountry),
  permitExpiryNoticeDays: z.coerce.number().int().min(1).max(365).default(30),
  statisticsCacheSeconds: z.coerce.number().int().min(0).max(86_400).default(600),
  statisticsHeavyQueries: z.coerce.number().int().min(1).max(64).default(2),
  statisticsWaitSeconds: z.coerce.number().min(0).max(120).default(10),
  statisticsChartThreads: z.coerce.number().int().min(0).max(16).default(1),
  watchListThreshold: z.coerce.number().min(-50).max(100).default(12),
  metricsToken: z.string().min(24, "must be at least 24 characters").optional(),
  metricsPort: z.coerce.number().int().min(1).max(65535).optional(),
  retentionFile: z.string().min(1).optional(),
  uploadMaxFilesPerCase: z.coerce.number().int().min(1).max(1000).default(20),
  uploadMaxMegabytesPerCase: z.coerce.number().int().min(1).max(10_000).default(50),
  uploadMaxFilesPerAccount: z.coerce.number().int().min(1).max(100_000).default(100),
  uploadMaxMegabytesPerAccount: z.coerce.number().int().min(1).max(1_000_000).default(200),
  peopleLinkScore: z.coerce.number().min(-100).max(100).default(15),
  peopleReviewScore: z.coerce.number().min(-100).max(100).default(10),
  researchK: z.coerce.number().int().min(2).max(100).default(5),
  researchExtractDays: z.coerce.number().int().min(1).max(90).default(14),
});

export type KarvanConfig = {
  env: "development" | "test" | "production";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  sessionSecret: string;
  auditKey: string;
  /** The append-only file the audit chain's head is anchored in; null: none (`off`). */
  auditAnchorFile: string | null;
  /** The auditor's address that receives the audit chain's latest anchor by e-mail; unset: none. */
  auditAnchorMail: string | undefined;
  /** At most one anchor e-mail per this many minutes. */
  auditAnchorMailMinutes: number;
  fileKey: string;
  /**
   * The electronic seal's certificate and private key (a PKCS#12 file) that seals issued PDFs;
   * unset outside production: a demo certificate is generated into the data folder.
   */
  sealCertificate: string | undefined;
  sealPassphrase: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  trustProxy: boolean;
  /** Run background workers (jobs, audit sealing) in this process. */
  jobs: boolean;
  /** Keep the statistics current behind the request path in this process (needs `jobs`). */
  statisticsProjector: boolean;
  /** The country whose law and legal calendar apply (ISO 3166-1 alpha-2, in capitals). */
  country: string;
  /** Its profile (platform/country): the file `KARVAN_COUNTRY` names by code or by path. */
  countryProfile: string;
  /** How many days before a permit's last valid day its holder is reminded by e-mail. */
  permitExpiryNoticeDays: number;
  /**
   * How long a computed statistics dashboard is kept in memory at most, in seconds (0: never
   * kept); once the statistics have moved on, it is computed again sooner (see dashboard-cache.ts).
   */
  statisticsCacheSeconds: number;
  /** How many heavy statistics computations (dashboards, forecasts) run at once in this process. */
  statisticsHeavyQueries: number;
  /** How long a heavy statistics computation waits for its turn before the answer is 503. */
  statisticsWaitSeconds: number;
  /** Threads that draw the dashboards' and forecast's charts off the event loop; 0 draws them on it. */
  statisticsChartThreads: number;
  /** The score (log2 of the likelihood ratio) from which a watch-list hit holds a case (docs/watch-lists.md). */
  watchListThreshold: number;
  /** Bearer token Prometheus must send for /metrics; without one, /metrics is open only in demo mode. */
  metricsToken: string | undefined;
  /** Serve /metrics on this port alone (not on the service's own port). */
  metricsPort: number | undefined;
  /** The retention rules file replacing the country's defaults (docs/retention.md); unset: the defaults. */
  retentionFile: string | undefined;
  /** Documents one application may hold (files and megabytes in all); MB = 1024 × 1024 bytes. */
  uploadMaxFilesPerCase: number;
  uploadMaxMegabytesPerCase: number;
  /** Documents one account may hold over all its applications not yet decided. */
  uploadMaxFilesPerAccount: number;
  uploadMaxMegabytesPerAccount: number;
  /**
   * The person register's bands (docs/people.md): an occurrence scoring at least `peopleLinkScore`
   * (a sum of log2 likelihood ratios) is linked to the person at once, at least `peopleReviewScore`
   * goes to an officer's review, lower becomes a new person.
   */
  peopleLinkScore: number;
  peopleReviewScore: number;
  /** Research extracts: every released combination of quasi-identifiers occurs at least this often. */
  researchK: number;
  /** Days an approved research extract can be downloaded (once) before it expires. */
  researchExtractDays: number;
  /** True when the cookies may be sent over plain HTTP (localhost development only). */
  insecureCookies: boolean;
};

/** Environment variable for each setting; documented in the README configuration table. */
export const environmentVariables = {
  env: "NODE_ENV",
  port: "PORT",
  host: "HOST",
  dataDir: "KARVAN_DATA_DIR",
  databaseUrl: "DATABASE_URL",
  demo: "KARVAN_DEMO",
  publicUrl: "KARVAN_PUBLIC_URL",
  sessionSecret: "KARVAN_SESSION_SECRET",
  auditKey: "KARVAN_AUDIT_KEY",
  auditAnchorFile: "KARVAN_AUDIT_ANCHOR_FILE",
  auditAnchorMail: "KARVAN_AUDIT_ANCHOR_MAIL",
  auditAnchorMailMinutes: "KARVAN_AUDIT_ANCHOR_MAIL_MINUTES",
  fileKey: "KARVAN_FILE_KEY",
  sealCertificate: "KARVAN_SEAL_P12",
  sealPassphrase: "KARVAN_SEAL_PASSPHRASE",
  smtpUrl: "SMTP_URL",
  mailFrom: "KARVAN_MAIL_FROM",
  logLevel: "LOG_LEVEL",
  trustProxy: "KARVAN_TRUST_PROXY",
  jobs: "KARVAN_JOBS",
  statisticsProjector: "KARVAN_STATISTICS_PROJECTOR",
  country: "KARVAN_COUNTRY",
  permitExpiryNoticeDays: "KARVAN_PERMIT_EXPIRY_NOTICE_DAYS",
  statisticsCacheSeconds: "KARVAN_STATISTICS_CACHE_SECONDS",
  statisticsHeavyQueries: "KARVAN_STATISTICS_HEAVY_QUERIES",
  statisticsWaitSeconds: "KARVAN_STATISTICS_WAIT_SECONDS",
  statisticsChartThreads: "KARVAN_STATISTICS_CHART_THREADS",
  watchListThreshold: "KARVAN_WATCH_LIST_THRESHOLD",
  metricsToken: "KARVAN_METRICS_TOKEN",
  metricsPort: "KARVAN_METRICS_PORT",
  retentionFile: "KARVAN_RETENTION_FILE",
  uploadMaxFilesPerCase: "KARVAN_UPLOAD_MAX_FILES_PER_CASE",
  uploadMaxMegabytesPerCase: "KARVAN_UPLOAD_MAX_MB_PER_CASE",
  uploadMaxFilesPerAccount: "KARVAN_UPLOAD_MAX_FILES_PER_ACCOUNT",
  uploadMaxMegabytesPerAccount: "KARVAN_UPLOAD_MAX_MB_PER_ACCOUNT",
  peopleLinkScore: "KARVAN_PEOPLE_LINK_SCORE",
  peopleReviewScore: "KARVAN_PEOPLE_REVIEW_SCORE",
  researchK: "KARVAN_RESEARCH_K",
  researchExtractDays: "KARVAN_RESEARCH_EXTRACT_DAYS",
} as const satisfies Record<keyof z.input<typeof rawConfigSchema>, string>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Karvan cannot start, the configuration is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

type Source = Record<string, string | undefined>;

function readConfigFile(env: Source): Record<string, unknown> {
  const file = env.KARVAN_CONFIG;
  if (!file) return {};
  if (!existsSync(file)) throw new ConfigError([`KARVAN_CONFIG points to ${file}, which does not exist`]);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([`KARVAN_CONFIG ${file} is not valid JSON: ${(error as Error).message}`]);
  }
}

const generatedSecretNames = ["sessionSecret", "auditKey", "fileKey"] as const;

/** Secrets for development and demo use, generated once and kept beside the data they protect. */
function localSecrets(dataDir: string): Record<(typeof generatedSecretNames)[number], string> {
  const file = path.join(dataDir, "local-secrets.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    if (generatedSecretNames.every((name) => typeof stored[name] === "string")) {
      return stored as Record<(typeof generatedSecretNames)[number], string>;
    }
  }
  const fresh = Object.fromEntries(
    generatedSecretNames.map((name) => [name, randomBytes(32).toString("base64url")]),
  ) as Record<(typeof generatedSecretNames)[number], string>;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(fresh, null, 2)}\n`, { mode: 0o600 });
  return fresh;
}

export function loadConfig(env: Source = process.env, overrides: Partial<KarvanConfig> = {}): KarvanConfig {
  const raw = parseRawConfig(env, overrides);
  const production = raw.env === "production";
  const demo = raw.demo ?? !production;
  const dataDir = path.resolve(raw.dataDir);
  const auditAnchorFile =
    raw.auditAnchorFile === "off"
      ? null
      : path.resolve(raw.auditAnchorFile ?? path.join(dataDir, "audit-anchors.jsonl"));

  const problems = production ? productionProblems(raw, { demo, auditAnchorFile }) : [];
  if (raw.peopleReviewScore > raw.peopleLinkScore)
    problems.push("KARVAN_PEOPLE_REVIEW_SCORE: must not be above KARVAN_PEOPLE_LINK_SCORE");
  const country = checkedCountry(raw.country, problems);
  if (problems.length > 0 || !country) throw new ConfigError(problems);

  const generated = production ? undefined : localSecrets(dataDir);
  const publicUrl = (raw.publicUrl ?? `http://localhost:${raw.port}`).replace(/\/$/, "");
  const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(publicUrl);
  if (production && !publicUrl.startsWith("https://")) {
    throw new ConfigError(["KARVAN_PUBLIC_URL: must use https in production"]);
  }

  return {
    env: raw.env,
    port: raw.port,
    host: raw.host,
    dataDir,
    databaseUrl: raw.databaseUrl,
    demo,
    publicUrl,
    sessionSecret: raw.sessionSecret ?? (generated?.sessionSecret as string),
    auditKey: raw.auditKey ?? (generated?.auditKey as string),
    auditAnchorFile,
    auditAnchorMail: raw.auditAnchorMail,
    auditAnchorMailMinutes: raw.auditAnchorMailMinutes,
    fileKey: raw.fileKey ?? (generated?.fileKey as string),
    sealCertificate: raw.sealCertificate ? path.resolve(raw.sealCertificate) : undefined,
    sealPassphrase: raw.sealPassphrase,
    smtpUrl: raw.smtpUrl,
    mailFrom: raw.mailFrom,
    logLevel: raw.logLevel,
    trustProxy: raw.trustProxy,
    jobs: raw.jobs,
    statisticsProjector: raw.statisticsProjector,
    country: country.code,
    countryProfile: country.file,
    permitExpiryNoticeDays: raw.permitExpiryNoticeDays,
    statisticsCacheSeconds: raw.statisticsCacheSeconds,
    statisticsHeavyQueries: raw.statisticsHeavyQueries,
    statisticsWaitSeconds: raw.statisticsWaitSeconds,
    statisticsChartThreads: raw.statisticsChartThreads,
    watchListThreshold: raw.watchListThreshold,
    metricsToken: raw.metricsToken,
    metricsPort: raw.metricsPort,
    retentionFile: raw.retentionFile ? path.resolve(raw.retentionFile) : undefined,
    uploadMaxFilesPerCase: raw.uploadMaxFilesPerCase,
    uploadMaxMegabytesPerCase: raw.uploadMaxMegabytesPerCase,
    uploadMaxFilesPerAccount: raw.uploadMaxFilesPerAccount,
    uploadMaxMegabytesPerAccount: raw.uploadMaxMegabytesPerAccount,
    peopleLinkScore: raw.peopleLinkScore,
    peopleReviewScore: raw.peopleReviewScore,
    researchK: raw.researchK,
    researchExtractDays: raw.researchExtractDays,
    insecureCookies: !production && local,
  };
}

type RawConfig = z.output<typeof rawConfigSchema>;

/** The file's values overridden by the environment's, then by `overrides`; each problem named by its variable. */
function parseRawConfig(env: Source, overrides: Partial<KarvanConfig>): RawConfig {
  const fromFile = readConfigFile(env);
  const fromEnv = Object.fromEntries(
    Object.entries(environmentVariables)
      .map(([key, variable]) => [key, env[variable] === "" ? undefined : env[variable]])
      .filter(([, value]) => value !== undefined),
  );
  const parsed = rawConfigSchema.safeParse({ ...fromFile, ...fromEnv, ...overrides });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path[0] as keyof typeof environmentVariables | undefined;
        const name = key ? environmentVariables[key] : "configuration";
        return `${name}: ${issue.message}`;
      }),
    );
  }
  return parsed.data;
}

/** What production refuses to start without: real secrets, the seal, an https address, an audit anchor. */
function productionProblems(
  raw: RawConfig,
  resolved: { demo: boolean; auditAnchorFile: string | null },
): string[] {
  const problems: string[] = [];
  if (!resolved.auditAnchorFile && !raw.auditAnchorMail)
    problems.push("KARVAN_AUDIT_ANCHOR_FILE: off needs KARVAN_AUDIT_ANCHOR_MAIL in production");
  if (resolved.demo) problems.push("KARVAN_DEMO: demo mode is never allowed in production");
  for (const name of generatedSecretNames) {
    if (!raw[name])
      problems.push(`${environmentVariables[name]}: required in production (32+ random characters)`);
  }
  if (!raw.publicUrl)
    problems.push("KARVAN_PUBLIC_URL: required in production (the https address users see)");
  if (!raw.sealCertificate)
    problems.push("KARVAN_SEAL_P12: required in production (the seal certificate, a PKCS#12 file)");
  if (raw.sealPassphrase === undefined)
    problems.push("KARVAN_SEAL_PASSPHRASE: required in production (the PKCS#12 file's passphrase)");
  return problems;
}

/** The country `KARVAN_COUNTRY` names, its profile read once so that a bad one stops the start. */
function checkedCountry(value: string, problems: string[]): { code: string; file: string } | undefined {
  try {
    const file = countryProfileFile(value);
    return { code: loadCountryProfile(file).code, file };
  } catch (error) {
    problems.push(`KARVAN_COUNTRY: ${(error as Error).message}`);
    return undefined;
  }
}
