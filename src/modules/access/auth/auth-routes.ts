import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerAccountRoutes } from "./account-routes.js";
import { registerPasswordResetRoutes } from "./password-reset-routes.js";
import { registerSignInRoutes } from "./sign-in-routes.js";
import { registerSignUpRoutes } from "./sign-up-routes.js";
import { registerUnlockRoutes } from "./unlock-routes.js";

/** Sign-up, e-mail verification, sign-in with the second factor, password reset, sign-out, account. */
export async function registerAuthRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerSignUpRoutes(app, access);
  registerSignInRoutes(app, access);
  registerPasswordResetRoutes(app, access);
  registerUnlockRoutes(app, access);
  registerAccountRoutes(app, access);
}
