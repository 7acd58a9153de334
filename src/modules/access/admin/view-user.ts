import { NotFoundError } from "../../../platform/errors/index.js";
import { authorize } from "../authorize.js";
import { recordAudit } from "../record-audit.js";
import { type AdminContext, auditOrigin, authorizationOf, userRecord } from "./admin-context.js";
import { findUser, type UserDetail } from "./admin-repository.js";

/**
 * One account, for an administrator: a read of personal data, so it is audited. Someone outside
 * the administrator's agency answers 404, as if the account did not exist.
 */
export async function viewUser(context: AdminContext, userId: string): Promise<UserDetail> {
  const user = await findUser(context.db, userId);
  if (!user) {
    await authorize(authorizationOf(context), "admin.users");
    throw new NotFoundError();
  }
  await authorize(authorizationOf(context), "admin.users", userRecord(user));
  await recordAudit(context.db, {
    ...auditOrigin(context),
    action: "user.viewed",
    outcome: "success",
    entityType: "user",
    entityId: user.id,
    agencyId: user.agencyId,
  });
  return user;
}

/** The same account for a form that changes it: checked, but the change itself is what gets audited. */
export async function findManagedUser(context: AdminContext, userId: string): Promise<UserDetail> {
  const user = await findUser(context.db, userId);
  if (!user) {
    await authorize(authorizationOf(context), "admin.users");
    throw new NotFoundError();
  }
  await authorize(authorizationOf(context), "admin.users", userRecord(user));
  return user;
}
