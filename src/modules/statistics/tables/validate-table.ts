import type { OfficialObservation } from "./official-table.js";
import type { TableDefinition } from "./table-definitions.js";

export interface ValidationCheck {
  code: "parts_add_up" | "no_negative_counts" | "period_complete" | "statistics_current";
  ok: boolean;
  /** What failed, in codes and figures (the page words it). */
  problems: string[];
}

const AGGREGATES = new Set(["Y_LT18", "TOTAL_POS"]);

/** For every additive dimension: its codes add up to its total, whatever the other codes are. */
function partsAddUp(definition: TableDefinition, observations: OfficialObservation[]): string[] {
  const problems: string[] = [];
  for (const dimension of definition.dimensions) {
    if (dimension.additive === false) continue;
    const groups = new Map<string, { total: number | null; parts: number }>();
    for (const observation of observations) {
      const code = observation.key[dimension.id] as string;
      if (AGGREGATES.has(code) || dimension.aggregates?.includes(code)) continue;
      const rest = definition.dimensions
        .filter((other) => other !== dimension)
        .map((other) => observation.key[other.id])
        .join("|");
      const group = groups.get(rest) ?? { total: null, parts: 0 };
      if (code === dimension.total) group.total = observation.value;
      else group.parts += observation.value ?? 0;
      groups.set(rest, group);
    }
    for (const [rest, group] of groups) {
      if (group.total !== null && group.total !== group.parts)
        problems.push(`${dimension.id} at ${rest}: parts ${group.parts}, total ${group.total}`);
    }
  }
  return problems;
}

/**
 * The checks a table passes before it is published: exact figures add up across every dimension,
 * no count is negative (a stock below zero means records that contradict each other), the period
 * is over, and no case change is still waiting to reach the statistics.
 */
export function validateTable(
  definition: TableDefinition,
  observations: OfficialObservation[],
  context: { lastMonth: string; currentMonth: string; waitingChanges: number },
): ValidationCheck[] {
  const parts = partsAddUp(definition, observations);
  const negative = observations
    .filter((observation) => (observation.value ?? 0) < 0)
    .map((observation) => `${Object.values(observation.key).join("|")}: ${observation.value}`);
  return [
    { code: "parts_add_up", ok: parts.length === 0, problems: parts.slice(0, 20) },
    { code: "no_negative_counts", ok: negative.length === 0, problems: negative.slice(0, 20) },
    {
      code: "period_complete",
      ok: context.lastMonth < context.currentMonth,
      problems: context.lastMonth < context.currentMonth ? [] : [context.lastMonth],
    },
    {
      code: "statistics_current",
      ok: context.waitingChanges === 0,
      problems: context.waitingChanges === 0 ? [] : [String(context.waitingChanges)],
    },
  ];
}
