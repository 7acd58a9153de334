import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import { SecretBox } from "../../../platform/crypto/secret-box.js";
import type { Database } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import { defaultLocale } from "../../../platform/http/index.js";
import type { JobRunner } from "../../../platform/jobs/index.js";
import { defineJob, type JobLogger } from "../../../platform/jobs/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { AuthContext, MailRequestKind, MailRequestOrigin, MailRequests } from "./auth-context.js";
import { sendPasswordResetLink } from "./request-password-reset.js";
import { sendVerificationLinkTo } from "./resend-verification.js";
import { sendAlreadyRegistered, sendSignUpVerification } from "./sign-up.js";
import { sendSignInUnlockLink } from "./unlock-sign-in.js";

const mailRequestJob = "auth.mail-request";

const mailRequest = z.object({
  kind: z.enum([
    "password_reset",
    "verification_resend",
    "sign_in_unlock",
    "sign_up_verification",
    "sign_up_existing",
  ]),
  /** Identifies the request: a job delivered twice sends the same link once. */
  requestKey: z.uuid(),
  email: z.string().min(1).max(320),
  ip: z.string().max(100).optional(),
  requestId: z.string().max(100).optional(),
  userAgent: z.string().max(500).optional(),
});

const work: Record<
  MailRequestKind,
  (context: AuthContext, email: string, requestKey: string) => Promise<void>
> = {
  password_reset: sendPasswordResetLink,
  verification_resend: sendVerificationLinkTo,
  sign_in_unlock: sendSignInUnlockLink,
  sign_up_verification: sendSignUpVerification,
  sign_up_existing: sendAlreadyRegistered,
};

/**
 * Defines the job (before the runner starts) and returns the queue the pages use. The typed
 * address travels sealed: the jobs table never holds it readable.
 */
export function createMailRequests(dependencies: {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  jobs: JobRunner;
  i18n: I18n;
  log?: JobLogger | undefined;
}): MailRequests {
  const { jobs } = dependencies;
  const box = new SecretBox(dependencies.config.fileKey, "auth-mail-request");
  const log: JobLogger | undefined = dependencies.log;
  const working = new Set<Promise<unknown>>();
  const requests: MailRequests = {
    async queue(kind, email, origin) {
      const sealed = box.seal(
        JSON.stringify(mailRequest.parse({ kind, email, requestKey: randomUUID(), ...definedOnly(origin) })),
      );
      if (jobs.queued) {
        await jobs.send(job, { sealed });
        return;
      }
      // Without a queue the runner does the work in the caller. The answer must not wait for it,
      // nor share the event loop and the database with it while it is being sent: it starts after.
      const detached = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() =>
        jobs.send(job, { sealed }),
      );
      const settled = detached.then(
        () => undefined,
        (error: unknown) =>
          log?.error({ job: mailRequestJob, error: String(error).slice(0, 300) }, "mail request failed"),
      );
      working.add(settled);
      void settled.finally(() => working.delete(settled));
    },
    async settled() {
      while (working.size > 0) await Promise.all([...working]);
    },
  };
  const job = defineJob({
    name: mailRequestJob,
    payload: z.object({ sealed: z.string().min(1) }),
    retry: { limit: 3, delaySeconds: 30, backoff: true },
    expireInSeconds: 120,
    handle: async ({ sealed }) => {
      const request = mailRequest.parse(JSON.parse(box.open(sealed)));
      const context: AuthContext = {
        db: dependencies.db,
        clock: dependencies.clock,
        config: dependencies.config,
        mailer: dependencies.mailer,
        mailRequests: requests,
        // E-mails are written in the recipient's language (`lng`); this is only the fallback.
        t: dependencies.i18n.t(defaultLocale),
        locale: defaultLocale,
        ip: request.ip,
        requestId: request.requestId,
        userAgent: request.userAgent,
      };
      await work[request.kind](context, request.email, request.requestKey);
    },
  });
  jobs.define(job);
  return requests;
}

function definedOnly(origin: MailRequestOrigin): MailRequestOrigin {
  return Object.fromEntries(Object.entries(origin).filter(([, value]) => value !== undefined));
}
