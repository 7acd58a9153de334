import type { AuthContext } from "./auth-context.js";

export type AuthMail =
  | "verifyEmail"
  | "alreadyRegistered"
  | "resetPassword"
  | "passwordChanged"
  | "unlockSignIn"
  | "deviceForgotten"
  | "allDevicesForgotten";

/**
 * Sends one of the authentication e-mails in the recipient's own language (the one stored on the
 * account), with links built from the public address of the service.
 */
export async function sendAuthMail(
  context: AuthContext,
  mail: AuthMail,
  recipient: { email: string; fullName: string; locale: string },
  links: Record<string, string> = {},
  /** A stable message id, so that a job delivered again does not send the message twice. */
  messageId?: string,
): Promise<void> {
  const absolute = Object.fromEntries(
    // The link opens the page in the recipient's language, whatever the browser last used.
    Object.entries(links).map(([name, pathAndQuery]) => [
      name,
      `${context.config.publicUrl}${pathAndQuery}${pathAndQuery.includes("?") ? "&" : "?"}lang=${recipient.locale}`,
    ]),
  );
  const variables = { ...absolute, name: recipient.fullName, lng: recipient.locale };
  await context.mailer.send({
    ...(messageId ? { id: messageId } : {}),
    to: recipient.email,
    subject: context.t(`auth.mail.${mail}.subject`, variables),
    text: `${context.t(`auth.mail.${mail}.body`, variables)}\n\n${context.t("auth.mail.signature", variables)}\n`,
  });
}
