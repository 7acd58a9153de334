import type { Clock } from "../clock/index.js";
import type { KarvanConfig } from "../config/index.js";
import type { Database } from "../db/index.js";
import { DemoPaymentGateway } from "./demo-gateway.js";
import type { PaymentProvider } from "./payment-provider.js";

export class PaymentProviderUnavailableError extends Error {
  constructor() {
    super(
      "No payment provider is available: Karvan has no real payment provider yet. The demo gateway " +
        "(no money moves) runs only in demo mode (KARVAN_DEMO=true), which production never allows.",
    );
    this.name = "PaymentProviderUnavailableError";
  }
}

/** The configured payment provider; for now only the demo gateway, and only in demo mode. */
export function createPaymentProvider(
  config: Pick<KarvanConfig, "demo" | "sessionSecret">,
  dependencies: { db: Database; clock?: Clock },
): PaymentProvider {
  if (!config.demo) throw new PaymentProviderUnavailableError();
  return createDemoGateway(config, dependencies);
}

/** The demo gateway itself, for mounting its pages (`registerDemoGatewayRoutes`); demo mode only. */
export function createDemoGateway(
  config: Pick<KarvanConfig, "demo" | "sessionSecret">,
  dependencies: { db: Database; clock?: Clock },
): DemoPaymentGateway {
  if (!config.demo) throw new PaymentProviderUnavailableError();
  return new DemoPaymentGateway({
    db: dependencies.db,
    ...(dependencies.clock ? { clock: dependencies.clock } : {}),
    // Results travel through the payer's browser, like cookies: signed with a key derived from
    // the session secret for this purpose only.
    signingSecret: config.sessionSecret,
  });
}
