import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { createJobRunner, type JobRunner } from "../jobs/index.js";
import { createMailer, createQueuedMailer, listOutbox, type Mailer, type MailMessage } from "./index.js";

const quietLog = { info() {}, warn() {}, error() {} };
const fileKey = "a-test-file-key-of-at-least-32-characters";

async function eventually(check: () => boolean | Promise<boolean>, seconds = 20): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("gave up waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("mail", () => {
  let database: TestDatabase;
  let outboxDir: string;
  let jobs: JobRunner | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
    rmSync(outboxDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await database.destroy();
  });

  function outboxMailer(written: string[] = []): Mailer {
    outboxDir = mkdtempSync(path.join(tmpdir(), "karvan-outbox-"));
    return createMailer({
      from: "Karvan <no-reply@karvan.local>",
      outboxDir,
      onOutboxWrite: ({ file }) => written.push(file),
    });
  }

  it("writes a message id to the outbox once, and reads it back", async () => {
    const written: string[] = [];
    const mailer = outboxMailer(written);
    const message = {
      id: "verify-1",
      to: "amina@example.org",
      subject: "Təsdiq: e-poçt ünvanınız",
      text: "Salam!\n\nOpen http://localhost:3000/verify?token=abc to confirm.",
    };
    await mailer.send(message);
    await mailer.send({ ...message, subject: "sent again" });
    expect(readdirSync(outboxDir)).toHaveLength(1);
    expect(written).toHaveLength(1);
    const [entry] = listOutbox(outboxDir);
    expect(entry).toMatchObject({ to: "amina@example.org", subject: "Təsdiq: e-poçt ünvanınız" });
    expect(entry?.text).toContain("http://localhost:3000/verify?token=abc");
    await expect(mailer.send({ ...message, id: "../escape" })).rejects.toThrow(/message id/);
  });

  it("queues mail as a sealed job and delivers each message id once", async () => {
    const delivered: MailMessage[] = [];
    const transport: Mailer = {
      async send(message) {
        delivered.push(message);
      },
    };
    outboxDir = mkdtempSync(path.join(tmpdir(), "karvan-outbox-"));
    jobs = createJobRunner({ database, queued: true, log: quietLog, pollingIntervalSeconds: 0.5 });
    const mailer = createQueuedMailer({ jobs, transport, fileKey });
    await jobs.start();

    const message = { id: "welcome-7", to: "leyla@example.org", subject: "Welcome", text: "secret-link-123" };
    await mailer.send(message);
    await mailer.send(message);
    await eventually(() => delivered.length === 1);
    await mailer.send({ to: "farid@example.org", subject: "Other", text: "No id given" });
    await eventually(() => delivered.length === 2);
    // Every queued delivery has run (none waits or retries): a third delivery could only come from a duplicate.
    await eventually(async () => {
      const { rows } = await database.raw.query<{ open: number }>(
        "select count(*)::int as open from pgboss.job where name = 'mail.send' and state <> 'completed'",
      );
      return rows[0]?.open === 0;
    });
    expect(delivered.map((one) => one.to)).toEqual(["leyla@example.org", "farid@example.org"]);
    expect(delivered[0]).toEqual(message);
    expect(delivered[1]?.id).toMatch(/^[0-9a-f-]{36}$/);

    const { rows } = await database.raw.query<{ data: string }>(
      "select data::text as data from pgboss.job where name = 'mail.send'",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.data).not.toContain("secret-link-123");
      expect(row.data).not.toContain("leyla@example.org");
    }
  });

  it("does not write the outbox file again when a message's job is delivered again", async () => {
    const written: string[] = [];
    const transport = outboxMailer(written);
    jobs = createJobRunner({ database, queued: true, log: quietLog, pollingIntervalSeconds: 0.5 });
    const mailer = createQueuedMailer({ jobs, transport, fileKey });
    await jobs.start();
    const message = { id: "reset-3", to: "tural@example.org", subject: "Reset", text: "Reset your password" };
    await mailer.send(message);
    await eventually(() => written.length === 1);
    // A second delivery of the same message: its job record gone (as after a crash and a re-send).
    await database.raw.query("delete from pgboss.job where name = 'mail.send'");
    await mailer.send(message);
    await eventually(async () => {
      const { rows } = await database.raw.query<{ count: number }>(
        "select count(*)::int as count from pgboss.job where name = 'mail.send' and state = 'completed'",
      );
      return rows[0]?.count === 1;
    });
    expect(written).toHaveLength(1);
    expect(readdirSync(outboxDir)).toHaveLength(1);
  });
});
