import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Principal } from "../../access/index.js";

/** What every indicator operation receives: who acts, from where, the database, clock and mail. */
export interface IndicatorContext {
  db: Database;
  clock: Clock;
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
  /** Tells an agency's focal points when an indicator becomes theirs to report; absent in reading-only callers. */
  notices?: { mailer: Mailer; i18n: I18n; publicUrl: string } | undefined;
}
