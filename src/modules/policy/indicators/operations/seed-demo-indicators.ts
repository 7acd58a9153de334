import { randomUUID } from "node:crypto";
import type { Clock } from "../../../../platform/clock/index.js";
import type { Database } from "../../../../platform/db/index.js";
import { findAgencyByCode } from "../../../access/index.js";
import { builtinIndicators } from "../../../statistics/index.js";
import { insertIndicator } from "../indicator-repository.js";

/**
 * Stores the statistics module's built-in indicators as demo definitions (marked demo, their
 * baselines and targets examples, not policy), answerable to the agency with `agencyCode`, with
 * the given policy-change dates per code. An indicator already stored is left as it is. Returns how
 * many were added.
 */
export async function seedDemoIndicators(
  db: Database,
  clock: Clock,
  options: { agencyCode: string; policyChanges?: Record<string, string[]> },
): Promise<number> {
  const agency = await findAgencyByCode(db, options.agencyCode);
  if (!agency) throw new Error(`no agency ${options.agencyCode} to answer for the demo indicators`);
  let added = 0;
  for (const definition of builtinIndicators) {
    const inserted = await insertIndicator(db, {
      id: randomUUID(),
      input: {
        code: definition.code,
        names: definition.name,
        kind: "computed",
        numerator: definition.numerator,
        denominator: definition.denominator ?? null,
        factor: definition.factor,
        unit: definition.unit,
        baseline: definition.baseline ?? null,
        target: definition.target ?? null,
        responsibleAgencyId: agency.id,
        policyChanges: options.policyChanges?.[definition.code] ?? [],
      },
      demo: true,
      by: null,
      at: clock.now(),
    });
    if (inserted) added += 1;
  }
  return added;
}
