import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

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
  fileKey: secret.optional(),
  sealCertificate: z.string().min(1).optional(),
  sealPassphrase: z.string().optional(),
  smtpUrl: z.string().url().optional(),
  mailFrom: z.string().default("Karvan <no-reply@karvan.local>"),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  trustProxy: booleanFromString.default(false),
  jobs: booleanFromString.default(true),
  statisticsProjector: booleanFromString.default(true),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code, e.g. AZ")
    .default("AZ"),
  permitExpiryNoticeDays: z.coerce.number().int().min(1).max(365).default(30),
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
  /** The country whose law and legal calendar apply (ISO 3166-1 alpha-2). */
  country: string;
  /** How many days before a permit's last valid day its holder is reminded by e-mail. */
  permitExpiryNoticeDays: number;
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
  const raw = parsed.data;
  const production = raw.env === "production";
  const demo = raw.demo ?? !production;
  const dataDir = path.resolve(raw.dataDir);

  const problems: string[] = [];
  if (production) {
    if (demo) problems.push("KARVAN_DEMO: demo mode is never allowed in production");
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
  }
  if (problems.length > 0) throw new ConfigError(problems);

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
    fileKey: raw.fileKey ?? (generated?.fileKey as string),
    sealCertificate: raw.sealCertificate ? path.resolve(raw.sealCertificate) : undefined,
    sealPassphrase: raw.sealPassphrase,
    smtpUrl: raw.smtpUrl,
    mailFrom: raw.mailFrom,
    logLevel: raw.logLevel,
    trustProxy: raw.trustProxy,
    jobs: raw.jobs,
    statisticsProjector: raw.statisticsProjector,
    country: raw.country,
    permitExpiryNoticeDays: raw.permitExpiryNoticeDays,
    insecureCookies: !production && local,
  };
}
