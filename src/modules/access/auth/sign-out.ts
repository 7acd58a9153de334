import { destroySession } from "../sessions.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { findAccountById } from "./auth-repository.js";

/** Ends the browser's session on the server, so that the old cookie no longer opens anything. */
export async function signOut(
  context: AuthContext,
  session: { userId: string; sessionIdHash: string },
): Promise<void> {
  await context.db.transaction(async (tx) => {
    await destroySession(tx, session.sessionIdHash);
    const account = await findAccountById(tx, session.userId);
    await auditAuth(tx, context, {
      action: "auth.sign_out",
      outcome: "success",
      account: account ?? { id: session.userId, agencyId: null },
    });
  });
}
