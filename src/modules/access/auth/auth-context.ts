import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Translator } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { AccessModule } from "../module.js";
import { requestOrigin } from "../request-context.js";

/** What every authentication operation needs: the platform services and where the request came from. */
export interface AuthContext {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  /** Translates e-mails; `{ lng }` picks the recipient's language rather than the page's. */
  t: Translator;
  locale: string;
  ip?: string | undefined;
  requestId?: string | undefined;
  userAgent?: string | undefined;
}

export function authContextOf(access: AccessModule, request: FastifyRequest): AuthContext {
  const userAgent = request.headers["user-agent"];
  return {
    db: access.db,
    clock: access.clock,
    config: access.config,
    mailer: access.mailer,
    t: request.t,
    locale: request.locale,
    ...requestOrigin(request),
    userAgent: typeof userAgent === "string" ? userAgent : undefined,
  };
}
