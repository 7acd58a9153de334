import type { AuthAuditAction } from "./auth-audit.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { type AuthMail, sendAuthMail } from "./auth-mail.js";
import type { Account } from "./auth-repository.js";
import {
  countRecentEmailTokens,
  type EmailTokenPurpose,
  emailTokenExists,
  issueEmailToken,
  requestLinkToken,
} from "./email-tokens.js";

export interface LinkMail {
  account: Account;
  purpose: EmailTokenPurpose;
  /** At most this many links of this purpose an hour per account, so nobody can flood an inbox. */
  perHour: number;
  mail: AuthMail;
  /** The page the link opens; the token is added as `?token=`. */
  path: string;
  audit: AuthAuditAction;
  /** The e-mail request's own key: sending again for the same request sends the same link once. */
  requestKey?: string | undefined;
}

/**
 * Issues a single-use link within the hourly cap (the older link of the purpose stops working) and
 * mails it in the recipient's language. Returns whether a link was sent.
 */
export async function mailLink(context: AuthContext, link: LinkMail): Promise<boolean> {
  const { account } = link;
  const derived = link.requestKey ? requestLinkToken(context.config.fileKey, link.requestKey) : undefined;
  const token = await context.db.transaction(async (tx) => {
    if (derived && (await emailTokenExists(tx, derived))) return derived;
    const recent = await countRecentEmailTokens(tx, context.clock, account.id, link.purpose, 3600_000);
    if (recent >= link.perHour) {
      await auditAuth(tx, context, {
        action: link.audit,
        outcome: "denied",
        account,
        details: { reason: "too_many_links" },
      });
      return null;
    }
    const issued = await issueEmailToken(tx, context.clock, account.id, link.purpose, derived);
    await auditAuth(tx, context, { action: link.audit, outcome: "success", account, byAccount: false });
    return issued;
  });
  if (!token) return false;
  await sendAuthMail(
    context,
    link.mail,
    account,
    { link: `${link.path}?token=${token}` },
    link.requestKey ? `auth-${link.requestKey}` : undefined,
  );
  return true;
}
