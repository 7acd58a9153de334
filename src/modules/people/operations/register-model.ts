import type { Queryable } from "../../../platform/db/index.js";
import { type FellegiSunterModel, levelWeights } from "../matching/fellegi-sunter.js";
import { latestModel } from "../register/repository.js";
import { defaultRegisterModel, registerComparisons, registerLevelNames } from "../register/scoring.js";

export interface RegisterModel {
  /** `estimated`: by estimateRegisterModel from the register's own pairs; `default`: the reasoned weights. */
  source: "estimated" | "default";
  model: FellegiSunterModel;
  /** Per field: its name and each level's word with its m, u and weight (log2 m/u). */
  fields: Array<{ field: string; levels: Array<{ level: string; m: number; u: number; weight: number }> }>;
  estimatedAt: Date | null;
  pairsUsed: number | null;
}

/** The weights the register scores with now, and where they come from. */
export async function registerModel(db: Queryable): Promise<RegisterModel> {
  const stored = await latestModel(db);
  const model = stored?.model ?? defaultRegisterModel;
  const weights = levelWeights(model);
  return {
    source: stored ? "estimated" : "default",
    model,
    fields: registerComparisons.map((comparison, field) => ({
      field: comparison.name,
      levels: (registerLevelNames[field] ?? []).map((level, index) => ({
        level,
        m: model.m[field]?.[index] ?? 0,
        u: model.u[field]?.[index] ?? 0,
        weight: weights[field]?.[index] ?? 0,
      })),
    })),
    estimatedAt: stored?.estimatedAt ?? null,
    pairsUsed: stored?.pairsUsed ?? null,
  };
}
