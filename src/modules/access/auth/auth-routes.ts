import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerAccountPages } from "./account/routes.js";
import { registerForgotPasswordPage } from "./forgot-password/routes.js";
import { registerRecoveryCodesPage } from "./recovery-codes/routes.js";
import { registerResetPasswordPage } from "./reset-password/routes.js";
import { registerSetUpCodePage } from "./set-up-code/routes.js";
import { registerSignInPage } from "./sign-in/routes.js";
import { registerSignInCodePage } from "./sign-in-code/routes.js";
import { registerSignUpPage } from "./sign-up/routes.js";
import { registerUnlockPage } from "./unlock/routes.js";
import { registerVerifyEmailPages } from "./verify-email/routes.js";

/** Sign-up, e-mail verification, sign-in with the second factor, password reset, sign-out, account. */
export async function registerAuthRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerSignUpPage(app, access);
  registerVerifyEmailPages(app, access);
  registerSignInPage(app, access);
  registerSignInCodePage(app, access);
  registerSetUpCodePage(app, access);
  registerForgotPasswordPage(app, access);
  registerResetPasswordPage(app, access);
  registerUnlockPage(app, access);
  registerRecoveryCodesPage(app, access);
  registerAccountPages(app, access);
}
