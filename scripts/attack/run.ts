import { findingsTable } from "./findings.js";
import { runAttacks } from "./run-attacks.js";

/**
 * `npm run attack -- <base-url> [--auditor-totp <secret>]`: attacks a Karvan in demo mode over HTTP
 * and prints what held; exits 1 when anything is found. The auditor's TOTP secret (printed by
 * `karvan serve` in demo mode, or KARVAN_ATTACK_AUDITOR_TOTP) lets it read the audit CSV too.
 */
const args = process.argv.slice(2);
const baseUrl = args.find((arg) => /^https?:\/\//.test(arg));
const secretAt = args.indexOf("--auditor-totp");
const auditorTotpSecret =
  (secretAt >= 0 ? args[secretAt + 1] : undefined) ?? process.env.KARVAN_ATTACK_AUDITOR_TOTP;
if (!baseUrl) {
  process.stderr.write("usage: npm run attack -- <base-url> [--auditor-totp <secret>]\n");
  process.exit(2);
}
const findings = await runAttacks({ baseUrl, auditorTotpSecret });
process.stdout.write(`${findingsTable(findings)}\n`);
const found = findings.filter((one) => one.result === "FOUND").length;
process.stdout.write(
  `\n${findings.length} attacks: ${found} found, ${findings.filter((one) => one.result === "skipped").length} skipped\n`,
);
process.exit(found > 0 ? 1 : 0);
