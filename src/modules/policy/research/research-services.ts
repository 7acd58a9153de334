import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Guards, Principal } from "../../access/index.js";

/** What the research library and research data access need, wired in app.ts. */
export interface ResearchServices {
  db: Database;
  clock: Clock;
  config: Pick<KarvanConfig, "publicUrl" | "researchK" | "researchExtractDays">;
  mailer: Mailer;
  i18n: I18n;
  documents: Documents;
  guards: Guards;
}

/** An operation's context: the services and who acts, from where. */
export type ResearchContext = ResearchServices & {
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
};
