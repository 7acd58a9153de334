import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildKarvan, type Karvan } from "../../src/app.js";
import type { CaseTypeInput } from "../../src/modules/cases/index.js";
import { type Clock, systemClock } from "../../src/platform/clock/index.js";
import { type KarvanConfig, loadConfig } from "../../src/platform/config/index.js";
import type { Mailer, MailMessage } from "../../src/platform/mail/index.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { TestClient } from "./test-client.js";

/**
 * Keeps sent mail in memory so tests can read links out of it. Like the queued mailer and the
 * outbox, it delivers a message id once: sending it again (a repeated request) adds nothing.
 */
export class MemoryMailer implements Mailer {
  readonly messages: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    if (message.id !== undefined && this.messages.some((sent) => sent.id === message.id)) return;
    this.messages.push(message);
  }
  lastTo(address: string): MailMessage | undefined {
    return this.messages.filter((message) => message.to === address).at(-1);
  }
  /** The first link to this service in the last message to the address. */
  linkTo(address: string): string {
    const text = this.lastTo(address)?.text ?? "";
    const match = /https?:\/\/[^\s]+/.exec(text);
    if (!match) throw new Error(`no link in the last e-mail to ${address}`);
    const url = new URL(match[0]);
    // Links carry the recipient's language (?lang=), which the server turns into a cookie and a
    // redirect; tests open the page itself.
    url.searchParams.delete("lang");
    return `${url.pathname}${url.search}`;
  }
}

export interface TestApp {
  karvan: Karvan;
  database: TestDatabase;
  mailer: MemoryMailer;
  config: KarvanConfig;
  /** A new browser-like client with its own cookies. */
  client(): TestClient;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    config?: Partial<KarvanConfig>;
    /** Case types besides the country's procedures, e.g. the engine's sample type. */
    caseTypes?: CaseTypeInput[];
    /** Pino options for the request log (e.g. `{ level: "info", stream }`); no log by default. */
    logger?: Record<string, unknown>;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "karvan-app-"));
  const config = loadConfig(
    { NODE_ENV: "test", KARVAN_DATA_DIR: dataDir, LOG_LEVEL: "silent", KARVAN_JOBS: "false", ...options.env },
    options.config,
  );
  const mailer = new MemoryMailer();
  const karvan = await buildKarvan({
    config,
    database,
    clock: options.clock ?? systemClock,
    mailer,
    logger: options.logger ?? false,
    ...(options.caseTypes ? { caseTypes: options.caseTypes } : {}),
  });
  return {
    karvan,
    database,
    mailer,
    config,
    client: () => new TestClient(karvan.server),
    async close() {
      await karvan.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
