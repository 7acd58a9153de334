import { randomUUID } from "node:crypto";
import { z } from "zod";
import { SecretBox } from "../crypto/secret-box.js";
import { defineJob, type JobRunner } from "../jobs/index.js";
import { type Mailer, type MailMessage, messageIdPattern } from "./message.js";

const queuedMail = z.object({
  id: z.string().regex(messageIdPattern),
  /** The message, sealed: sign-in and verification links must not sit readable in the jobs table. */
  sealed: z.string().min(1),
});

const sealedMessage = z.object({
  to: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
});

/**
 * Mail through the background queue: `send` only enqueues a `mail.send` job, and a worker hands
 * the message to the real transport (SMTP or the outbox folder), retrying when it fails.
 *
 * Each message has a stable id (its `id`, or one generated here) and sending is idempotent:
 * - the job's id is derived from the message id (`singletonKey`), so enqueueing the same message
 *   again is ignored while the job or its archived copy exists (pg-boss archives for 7 days);
 * - the outbox transport writes a message id once, so a redelivered job writes no second file;
 * - over SMTP the finished job is the sent-marker (no extra table). The one gap is a crash after
 *   the SMTP server accepted the message and before the job was marked done: the retry sends it
 *   again, with the same Message-ID header (`<id@karvan>`), by which mail systems drop duplicates.
 */
export function createQueuedMailer(options: { jobs: JobRunner; transport: Mailer; fileKey: string }): Mailer {
  const box = new SecretBox(options.fileKey, "mail-queue");
  const job = defineJob({
    name: "mail.send",
    payload: queuedMail,
    retry: { limit: 5, delaySeconds: 30, backoff: true },
    expireInSeconds: 120,
    handle: async ({ id, sealed }) => {
      const message = sealedMessage.parse(JSON.parse(box.open(sealed)));
      await options.transport.send({ ...message, id });
    },
  });
  options.jobs.define(job);
  return {
    async send(message: MailMessage) {
      const id = message.id ?? randomUUID();
      const { id: _ignored, ...content } = message;
      await options.jobs.send(job, { id, sealed: box.seal(JSON.stringify(content)) }, { singletonKey: id });
    },
  };
}
