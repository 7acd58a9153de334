import type { Command } from "commander";
import { out, withDatabase } from "../context.js";
import { describeAnchoring, sealNow } from "./seal-now.js";

/** `karvan audit seal` */
export function registerAuditSeal(audit: Command): void {
  audit
    .command("seal")
    .description("seal every audit record written so far (the server's background sealer does this too)")
    .option("--timeout <seconds>", "how long to wait for transactions that are still running", "30")
    .action(async (options: { timeout: string }) => {
      const result = await withDatabase((database, config) =>
        sealNow(database, config, Number(options.timeout)),
      );
      describeAnchoring(result.anchoring);
      out(`Sealed up to id ${result.sealedUpTo}; ${result.remaining} records still waiting.`);
      if (result.remaining > 0 || result.anchoring?.state === "refused") process.exitCode = 1;
    });
}
