import { existsSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { actorOf, type Guards, recordAudit, requestOrigin } from "../../modules/access/index.js";
import type { Database } from "../../platform/db/index.js";
import { NotFoundError } from "../../platform/errors/index.js";
import { listOutbox, readOutboxMessage } from "../../platform/mail/index.js";
import { messageText } from "./message-text.js";

export interface OutboxPageOptions {
  db: Database;
  guards: Guards;
  outboxDir: string;
  publicUrl: string;
}

const outboxFileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.eml$/;

/**
 * Demo mode only (registered by buildKarvan when demo is on; otherwise these addresses do not
 * exist): the e-mails Karvan would have sent, so that a newcomer can follow a verification link.
 * Staff with `mail.outbox.read` only; reading a message is audited, as it shows a person's mail.
 */
export async function registerOutboxRoutes(app: FastifyInstance, options: OutboxPageOptions): Promise<void> {
  const mayRead = options.guards.requirePermission("mail.outbox.read");

  app.get("/demo/outbox", { schema: { hide: true }, preHandler: mayRead }, async (request, reply) => {
    const messages = listOutbox(options.outboxDir).map(({ file, to, subject, date }) => ({
      file,
      to,
      subject,
      date,
    }));
    return reply.render("outbox/list.njk", { title: request.t("outbox.title"), messages });
  });

  app.get<{ Params: { file: string } }>(
    "/demo/outbox/:file",
    { schema: { hide: true }, preHandler: mayRead },
    async (request, reply) => {
      const { file } = request.params;
      const fullPath = path.join(options.outboxDir, file);
      if (!outboxFileName.test(file) || !existsSync(fullPath)) throw new NotFoundError();
      const message = readOutboxMessage(fullPath);
      await recordAudit(options.db, {
        actor: actorOf(request.principal),
        action: "mail.outbox.read",
        outcome: "success",
        entityType: "outbox_message",
        entityId: file,
        ...requestOrigin(request),
      });
      return reply.render("outbox/message.njk", {
        title: message.subject || request.t("outbox.noSubject"),
        message,
        paragraphs: messageText(message.text, options.publicUrl),
      });
    },
  );
}
