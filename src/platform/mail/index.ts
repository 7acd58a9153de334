import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { type Mailer, messageIdPattern } from "./message.js";

export type { Mailer, MailMessage } from "./message.js";
export { messageIdPattern } from "./message.js";
export { createQueuedMailer } from "./queued-mailer.js";

export interface MailOptions {
  smtpUrl?: string | undefined;
  from: string;
  outboxDir: string;
  /** Called after a message is written to the outbox (demo mode prints a line on the console). */
  onOutboxWrite?: (written: { to: string; subject: string; file: string }) => void;
}

function outboxFileOf(outboxDir: string, id: string): string | undefined {
  try {
    return readdirSync(outboxDir).find((name) => name.endsWith(`-${id}.eml`));
  } catch {
    return undefined;
  }
}

/**
 * SMTP when configured; otherwise each message is written to the outbox folder as an .eml file,
 * which demo mode lists on a staff page (and browser tests read to follow e-mail links). The
 * outbox writes a message id once: sending it again (a retried job) leaves the first file alone.
 */
export function createMailer(options: MailOptions): Mailer {
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const id = message.id ?? randomUUID();
      if (!messageIdPattern.test(id)) throw new Error("mail message id: only letters, digits, . _ -");
      if (!options.smtpUrl && outboxFileOf(options.outboxDir, id)) return;
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${id}@karvan>`,
      });
      if (options.smtpUrl) return;
      mkdirSync(options.outboxDir, { recursive: true });
      const file = path.join(
        options.outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${id}.eml`,
      );
      writeFileSync(file, (info as unknown as { message: Buffer }).message);
      options.onOutboxWrite?.({ to: message.to, subject: message.subject, file });
    },
  };
}

export interface OutboxEntry {
  file: string;
  to: string;
  subject: string;
  date: Date;
  text: string;
}

function decodeHeader(value: string): string {
  // Adjacent encoded words are one text: the whitespace between them is not part of it (RFC 2047).
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_all, encoding: string, data: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(
            data
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  } catch {
    return body;
  }
}

/** Reads the text part of an .eml file written by the outbox transport. */
export function readOutboxMessage(file: string): OutboxEntry {
  const raw = readFileSync(file, "utf8");
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const header = (name: string) =>
    decodeHeader(new RegExp(`^${name}: (.*)$`, "im").exec(headers)?.[1]?.trim() ?? "");
  let body = rest.join("\n\n");
  const boundary = /boundary="?([^";\s]+)"?/i.exec(headers)?.[1];
  let encoding = header("Content-Transfer-Encoding").toLowerCase();
  if (boundary) {
    const parts = body.split(`--${boundary}`);
    const textPart = parts.find((part) => /content-type: text\/plain/i.test(part)) ?? "";
    const [partHead = "", ...partBody] = textPart.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    encoding = /content-transfer-encoding: (\S+)/i.exec(partHead)?.[1]?.toLowerCase() ?? "";
    body = partBody.join("\n\n");
  }
  if (encoding === "quoted-printable") body = decodeQuotedPrintable(body);
  if (encoding === "base64") body = Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return {
    file: path.basename(file),
    to: header("To"),
    subject: header("Subject"),
    date: statSync(file).mtime,
    text: body.trim(),
  };
}

/** The outbox, newest first. */
export function listOutbox(outboxDir: string): OutboxEntry[] {
  let files: string[];
  try {
    files = readdirSync(outboxDir).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
  return files
    .sort()
    .reverse()
    .map((name) => readOutboxMessage(path.join(outboxDir, name)));
}
