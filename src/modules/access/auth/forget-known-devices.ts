import { NotFoundError } from "../../../platform/errors/index.js";
import type { Principal } from "../principal.js";
import { auditAuth } from "./auth-audit.js";
import type { AuthContext } from "./auth-context.js";
import { sendAuthMail } from "./auth-mail.js";
import { deleteKnownDevices } from "./known-device.js";

/**
 * The account's owner forgets one of their known devices (`deviceId`, the id the account page
 * shows) or all of them: from then on each is a new browser to the sign-in throttle. Anyone
 * else's device is "not found". Every forgotten device is audited, and the owner is told by
 * e-mail, so that a device removed by someone holding their session does not go unnoticed.
 */
export async function forgetKnownDevices(
  context: AuthContext,
  principal: Principal,
  deviceId?: string,
): Promise<void> {
  const forgotten = await context.db.transaction(async (tx) => {
    const ids = await deleteKnownDevices(tx, principal.userId, deviceId);
    for (const id of ids) {
      await auditAuth(tx, context, {
        action: "auth.known_device_forgotten",
        outcome: "success",
        account: { id: principal.userId, agencyId: principal.agencyId },
        details: { device: id },
      });
    }
    return ids;
  });
  if (deviceId && forgotten.length === 0) throw new NotFoundError();
  if (forgotten.length === 0) return;
  await sendAuthMail(
    context,
    deviceId ? "deviceForgotten" : "allDevicesForgotten",
    { email: principal.email, fullName: principal.fullName, locale: principal.locale },
    { accountLink: "/account", resetLink: "/forgot-password" },
  );
}
