import { randomBytes } from "node:crypto";
import type { Translator } from "../../../platform/http/index.js";
import { authorize } from "../authorize.js";
import { createUser } from "../create-user.js";
import { recordAudit } from "../record-audit.js";
import { type AdminContext, auditOrigin, authorizationOf } from "./admin-context.js";
import { checkGrantableRoles } from "./grantable-roles.js";
import { invitationMessage, issueInvitation } from "./issue-invitation.js";

export interface NewStaffUser {
  fullName: string;
  email: string;
  agencyId: string;
  roles: string[];
  /** Language of the account and of the invitation e-mail. */
  locale: "az" | "en" | "ru";
  /** "invite": the person sets their own password through a one-time link (recommended). */
  passwordSetup: "invite" | "password";
  password?: string | undefined;
}

export interface CreatedStaffUser {
  id: string;
  /** "sent", "failed" (the account exists; send a password link again) or "none" (initial password). */
  invitation: "sent" | "failed" | "none";
}

/**
 * An administrator creates a staff account in an agency they manage. With an invitation the
 * account gets an unusable random password and the person chooses their own through the link;
 * either way they enrol multi-factor sign-in at their first sign-in.
 */
export async function createStaffUser(
  context: AdminContext,
  t: Translator,
  input: NewStaffUser,
): Promise<CreatedStaffUser> {
  const agencyRecord = { entityType: "agency", entityId: input.agencyId, agencyId: input.agencyId };
  await authorize(authorizationOf(context), "admin.users", agencyRecord);
  await checkGrantableRoles(context, context.db, input.roles, "staff", {
    entityId: input.agencyId,
    agencyId: input.agencyId,
  });
  const invite = input.passwordSetup === "invite";
  const password = invite ? randomBytes(32).toString("base64url") : (input.password ?? "");

  const created = await context.db.transaction(async (tx) => {
    const { id } = await createUser(
      { db: tx, clock: context.clock, ...auditOrigin(context) },
      {
        email: input.email,
        fullName: input.fullName,
        password,
        kind: "staff",
        agency: input.agencyId,
        roles: input.roles,
        locale: input.locale,
        status: "active",
      },
    );
    if (!invite) return { id, link: null };
    const link = await issueInvitation(tx, context.clock, {
      userId: id,
      publicUrl: context.config.publicUrl,
      locale: input.locale,
    });
    await recordAudit(tx, {
      ...auditOrigin(context),
      action: "user.invited",
      outcome: "success",
      entityType: "user",
      entityId: id,
      agencyId: input.agencyId,
    });
    return { id, link };
  });

  if (!created.link) return { id: created.id, invitation: "none" };
  try {
    await context.mailer.send(
      invitationMessage(t, {
        to: input.email,
        fullName: input.fullName,
        link: created.link,
        locale: input.locale,
        invitedBy: context.principal.fullName,
      }),
    );
    return { id: created.id, invitation: "sent" };
  } catch {
    // The account stands; the administrator is told, and the person can ask for a password link.
    return { id: created.id, invitation: "failed" };
  }
}
