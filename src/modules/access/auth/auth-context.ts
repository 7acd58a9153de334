import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Translator } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import { requestOrigin } from "../request-context.js";
import { type KnownDevice, knownDeviceOf } from "./known-device.js";

/** E-mails anyone can ask for by typing an address (or signing up); each is worked out by a background job. */
export type MailRequestKind =
  | "password_reset"
  | "verification_resend"
  | "sign_in_unlock"
  | "sign_up_verification"
  | "sign_up_existing";

/** Where the request came from, for the audit records the job writes. */
export interface MailRequestOrigin {
  ip?: string | undefined;
  requestId?: string | undefined;
  userAgent?: string | undefined;
}

export interface MailRequests {
  /**
   * Hands the request to the `auth.mail-request` job and returns without looking the address up,
   * so the answer takes the same time and does the same database work whether or not an account
   * has it; the job finds the account (if any), issues the link and mails it.
   */
  queue(kind: MailRequestKind, email: string, origin: MailRequestOrigin): Promise<void>;
  /** Resolves once the requests still being worked on in this process are done (tests, shutdown). */
  settled(): Promise<void>;
}

/** The access module's services the authentication pages use (see module.ts). */
export type AuthServices = Pick<AuthContext, "db" | "clock" | "config" | "mailer" | "mailRequests">;

/** What every authentication operation needs: the platform services and where the request came from. */
export interface AuthContext {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  /** E-mails anyone can ask for (reset, verification, unlock links), sent from a job. */
  mailRequests: MailRequests;
  /** Translates e-mails; `{ lng }` picks the recipient's language rather than the page's. */
  t: Translator;
  locale: string;
  ip?: string | undefined;
  requestId?: string | undefined;
  userAgent?: string | undefined;
  /** The known device this browser proves by its signed cookie, if any. */
  knownDevice?: KnownDevice | undefined;
}

export function authContextOf(access: AuthServices, request: FastifyRequest): AuthContext {
  const userAgent = request.headers["user-agent"];
  return {
    db: access.db,
    clock: access.clock,
    config: access.config,
    mailer: access.mailer,
    mailRequests: access.mailRequests,
    t: request.t,
    locale: request.locale,
    ...requestOrigin(request),
    userAgent: typeof userAgent === "string" ? userAgent : undefined,
    knownDevice: knownDeviceOf(request, access.clock),
  };
}
