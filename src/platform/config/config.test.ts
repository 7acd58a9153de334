import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./index.js";

const secret = "s".repeat(40);
const folders: string[] = [];
function dataDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "karvan-config-"));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe("configuration", () => {
  it("has working defaults for a newcomer: port 3000, ./data, embedded database, demo mode", () => {
    const dir = dataDir();
    const config = loadConfig({ KARVAN_DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, demo: true, databaseUrl: undefined, env: "development" });
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.insecureCookies).toBe(true);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.auditKey).not.toBe(config.sessionSecret);
  });

  it("generates local secrets once and keeps them across restarts", () => {
    const dir = dataDir();
    const first = loadConfig({ KARVAN_DATA_DIR: dir });
    const second = loadConfig({ KARVAN_DATA_DIR: dir });
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.fileKey).toBe(first.fileKey);
    expect(JSON.parse(readFileSync(path.join(dir, "local-secrets.json"), "utf8")).auditKey).toBe(
      first.auditKey,
    );
  });

  it("refuses to start in production without real secrets, naming each variable", () => {
    const attempt = () => loadConfig({ NODE_ENV: "production", KARVAN_DATA_DIR: dataDir() });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      for (const name of [
        "KARVAN_SESSION_SECRET",
        "KARVAN_AUDIT_KEY",
        "KARVAN_FILE_KEY",
        "KARVAN_PUBLIC_URL",
        "KARVAN_SEAL_P12",
        "KARVAN_SEAL_PASSPHRASE",
      ]) {
        expect(message).toContain(name);
      }
    }
  });

  it("never allows demo mode in production and demands https", () => {
    const production = {
      NODE_ENV: "production",
      KARVAN_DATA_DIR: dataDir(),
      KARVAN_SESSION_SECRET: secret,
      KARVAN_AUDIT_KEY: secret,
      KARVAN_FILE_KEY: secret,
      KARVAN_PUBLIC_URL: "https://karvan.migration.gov.az",
      KARVAN_SEAL_P12: "/etc/karvan/seal.p12",
      KARVAN_SEAL_PASSPHRASE: secret,
    };
    const config = loadConfig(production);
    expect(config.demo).toBe(false);
    expect(config.insecureCookies).toBe(false);
    expect(() => loadConfig({ ...production, KARVAN_DEMO: "true" })).toThrow(/demo mode is never allowed/);
    expect(() => loadConfig({ ...production, KARVAN_PUBLIC_URL: "http://karvan.example" })).toThrow(/https/);
  });

  it("anchors the audit chain in the data folder by default; production needs a file or an auditor", () => {
    const dir = dataDir();
    expect(loadConfig({ KARVAN_DATA_DIR: dir })).toMatchObject({
      auditAnchorFile: path.join(dir, "audit-anchors.jsonl"),
      auditAnchorMail: undefined,
      auditAnchorMailMinutes: 60,
    });
    const mailOnly = loadConfig({
      KARVAN_DATA_DIR: dir,
      KARVAN_AUDIT_ANCHOR_FILE: "off",
      KARVAN_AUDIT_ANCHOR_MAIL: "auditor@example.org",
      KARVAN_AUDIT_ANCHOR_MAIL_MINUTES: "15",
    });
    expect(mailOnly).toMatchObject({ auditAnchorFile: null, auditAnchorMailMinutes: 15 });
    expect(() => loadConfig({ KARVAN_DATA_DIR: dir, KARVAN_AUDIT_ANCHOR_MAIL: "not an address" })).toThrow(
      /KARVAN_AUDIT_ANCHOR_MAIL: must be an e-mail address/,
    );
    const production = {
      NODE_ENV: "production",
      KARVAN_DATA_DIR: dir,
      KARVAN_SESSION_SECRET: secret,
      KARVAN_AUDIT_KEY: secret,
      KARVAN_FILE_KEY: secret,
      KARVAN_PUBLIC_URL: "https://karvan.migration.gov.az",
      KARVAN_SEAL_P12: "/etc/karvan/seal.p12",
      KARVAN_SEAL_PASSPHRASE: secret,
      KARVAN_AUDIT_ANCHOR_FILE: "off",
    };
    expect(() => loadConfig(production)).toThrow(
      /KARVAN_AUDIT_ANCHOR_FILE: off needs KARVAN_AUDIT_ANCHOR_MAIL/,
    );
    expect(
      loadConfig({ ...production, KARVAN_AUDIT_ANCHOR_MAIL: "auditor@example.org" }).auditAnchorFile,
    ).toBe(null);
  });

  it("rejects invalid values with the variable's name", () => {
    expect(() => loadConfig({ PORT: "http", KARVAN_DATA_DIR: dataDir() })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "not a url", KARVAN_DATA_DIR: dataDir() })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => loadConfig({ KARVAN_SESSION_SECRET: "short", KARVAN_DATA_DIR: dataDir() })).toThrow(
      /KARVAN_SESSION_SECRET: must be at least 32/,
    );
  });

  it("reads the person register's thresholds and refuses a review score above the link score", () => {
    expect(loadConfig({ KARVAN_DATA_DIR: dataDir() })).toMatchObject({
      peopleLinkScore: 15,
      peopleReviewScore: 10,
    });
    const set = loadConfig({
      KARVAN_DATA_DIR: dataDir(),
      KARVAN_PEOPLE_LINK_SCORE: "20",
      KARVAN_PEOPLE_REVIEW_SCORE: "-2.5",
    });
    expect(set).toMatchObject({ peopleLinkScore: 20, peopleReviewScore: -2.5 });
    expect(() =>
      loadConfig({
        KARVAN_DATA_DIR: dataDir(),
        KARVAN_PEOPLE_LINK_SCORE: "8",
        KARVAN_PEOPLE_REVIEW_SCORE: "9",
      }),
    ).toThrow(/KARVAN_PEOPLE_REVIEW_SCORE: must not be above KARVAN_PEOPLE_LINK_SCORE/);
  });

  it("reads an optional JSON file, with environment variables taking precedence", () => {
    const dir = dataDir();
    const file = path.join(dir, "karvan.json");
    writeFileSync(file, JSON.stringify({ port: 8080, mailFrom: "SMS <no-reply@migration.gov.az>" }));
    const config = loadConfig({ KARVAN_CONFIG: file, KARVAN_DATA_DIR: dir, PORT: "9090" });
    expect(config.port).toBe(9090);
    expect(config.mailFrom).toBe("SMS <no-reply@migration.gov.az>");
    expect(() => loadConfig({ KARVAN_CONFIG: path.join(dir, "missing.json") })).toThrow(/does not exist/);
  });
});
