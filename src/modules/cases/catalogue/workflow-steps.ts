import type {
  CaseTypeDefinition,
  GuardName,
  StateCategory,
  TransitionDefinition,
  TransitionEffect,
} from "../definition/case-type.js";
import { stateCategories } from "../definition/case-type.js";

/** One way a case moves: the submission (implicit in every definition) or a defined transition. */
export interface WorkflowStep {
  name: string;
  /** The transition as defined; null for the submission, which every case type has. */
  transition: TransitionDefinition | null;
  from: string[];
  to: string;
  allowed: "applicant" | string;
  guards: GuardName[];
  effect: TransitionEffect | undefined;
}

export function workflowSteps(definition: CaseTypeDefinition): WorkflowStep[] {
  const submission: WorkflowStep = {
    name: "submit",
    transition: null,
    from: [definition.initialState],
    to: definition.submittedState,
    allowed: "applicant",
    guards: [],
    effect: undefined,
  };
  return [
    submission,
    ...definition.transitions.map((transition) => ({
      name: transition.name,
      transition,
      from: transition.from,
      to: transition.to,
      allowed: transition.allowed,
      guards: transition.guards,
      effect: transition.effect,
    })),
  ];
}

/**
 * The states in the order a reader follows them: by category (draft, open, waiting, decided,
 * closed), then by how many steps they are from the draft, then as declared.
 */
export function statesInReadingOrder(definition: CaseTypeDefinition): string[] {
  const steps = workflowSteps(definition);
  const distance = new Map<string, number>([[definition.initialState, 0]]);
  const queue = [definition.initialState];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const step of steps.filter((one) => one.from.includes(current))) {
      if (!distance.has(step.to)) {
        distance.set(step.to, (distance.get(current) ?? 0) + 1);
        queue.push(step.to);
      }
    }
  }
  const declared = Object.keys(definition.states);
  const categoryRank = (state: string) =>
    stateCategories.indexOf(definition.states[state]?.category as StateCategory);
  return [...declared].sort(
    (a, b) =>
      categoryRank(a) - categoryRank(b) ||
      (distance.get(a) ?? Number.MAX_SAFE_INTEGER) - (distance.get(b) ?? Number.MAX_SAFE_INTEGER) ||
      declared.indexOf(a) - declared.indexOf(b),
  );
}
