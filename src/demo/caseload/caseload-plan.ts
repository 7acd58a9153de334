import type { CaseTypeDefinition } from "../../modules/cases/index.js";
import { type SeededRandom, WeightedChoice } from "../../platform/random/index.js";
import { pathTo } from "./demo-histories.js";

/** How common each procedure is; a type not listed gets the last weight. */
const typeWeights: Record<string, number> = {
  "stay-registration": 55,
  "work-permit": 14,
  "temporary-residence-permit": 14,
  "stay-extension": 11,
  "permanent-residence-permit": 6,
};
const otherTypeWeight = 8;
/** How a caseload spreads over the kinds of states: mostly decided, a working queue, a few drafts. */
const categoryWeights = { draft: 4, open: 12, waiting: 3, decided: 78, closed: 3 } as const;

/** One case to make: its type and the state its history ends in. */
export interface Plan {
  definition: CaseTypeDefinition;
  target: string;
}

/** Cases per state of one type: every state gets some, the rest by how common its kind of state is. */
function statesOf(definition: CaseTypeDefinition, count: number, random: SeededRandom): string[] {
  const states = Object.entries(definition.states).filter(
    ([code]) => code === definition.initialState || pathTo(definition, code) !== null,
  );
  const perCategory = new Map<string, number>();
  for (const [, state] of states) perCategory.set(state.category, (perCategory.get(state.category) ?? 0) + 1);
  const choice = new WeightedChoice(
    states.map(
      ([code, state]) =>
        [code, categoryWeights[state.category] / (perCategory.get(state.category) ?? 1)] as const,
    ),
  );
  const floor = Math.min(2, Math.floor(count / states.length));
  const chosen = states.flatMap(([code]) => Array.from({ length: floor }, () => code));
  while (chosen.length < count) chosen.push(choice.pick(random));
  return chosen;
}

/** What to make: `total` cases, each type in every reachable state, spread by weight, in a random order. */
export function planCaseload(types: CaseTypeDefinition[], total: number, random: SeededRandom): Plan[] {
  const typeChoice = new WeightedChoice(
    types.map((type) => [type, typeWeights[type.code] ?? otherTypeWeight] as const),
  );
  const perType = new Map<CaseTypeDefinition, number>(types.map((type) => [type, Math.min(total, 3)]));
  for (let placed = types.length * Math.min(total, 3); placed < total; placed++) {
    const type = typeChoice.pick(random);
    perType.set(type, (perType.get(type) ?? 0) + 1);
  }
  const plans: Plan[] = [...perType].flatMap(([definition, count]) =>
    statesOf(definition, count, random).map((target) => ({ definition, target })),
  );
  for (let index = plans.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [plans[index], plans[other]] = [plans[other] as Plan, plans[index] as Plan];
  }
  return plans;
}

/** The kind of party that applies for a case of this type: an applicant, a host or an employer. */
export function applicantKind(definition: CaseTypeDefinition): string {
  return definition.applicants[0] ?? "applicant";
}
