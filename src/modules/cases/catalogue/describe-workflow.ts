import { builtInRoles } from "../../access/index.js";
import { type CaseTypeDefinition, type StateCategory, stateCategories } from "../definition/case-type.js";
import { type CatalogueReader, inLanguage, listOf } from "./catalogue-text.js";
import { layoutWorkflow, type WorkflowDiagram } from "./workflow-layout.js";
import { statesInReadingOrder, type WorkflowStep, workflowSteps } from "./workflow-steps.js";

export interface WorkflowDescription {
  serviceName: string;
  serviceHref: string;
  diagram: WorkflowDiagram;
  /** The diagram's <title> and <desc>. */
  diagramTitle: string;
  diagramDescription: string;
  steps: Array<{ step: string; from: string; to: string; who: string; conditions: string[] }>;
  states: Array<{ state: string; category: string; note: string | null }>;
  tasks: Array<{ task: string; when: string; doneBy: string; mandatory: boolean }>;
}

/** Who takes a step, in words: the applicant (host, employer) or the staff roles that may. */
function whoTakes(step: WorkflowStep, definition: CaseTypeDefinition, reader: CatalogueReader): string {
  if (step.allowed === "applicant") {
    return listOf(
      definition.applicants.map((kind) => reader.t(`catalogue.workflow.who.${kind}`)),
      "disjunction",
      reader,
    );
  }
  const roles = builtInRoles
    .filter((role) => role.staff && (role.permissions as string[]).includes(step.allowed))
    .map((role) => role.names[reader.locale]);
  return roles.length > 0 ? listOf(roles, "disjunction", reader) : step.allowed;
}

function stepLabel(step: WorkflowStep, reader: CatalogueReader): string {
  return step.transition ? inLanguage(step.transition.label, reader) : reader.t("catalogue.workflow.submit");
}

/** What must hold before the step, and what it does, in words. */
function conditionsOf(step: WorkflowStep, definition: CaseTypeDefinition, reader: CatalogueReader): string[] {
  const { t } = reader;
  const said: string[] = [];
  if (!step.transition) {
    said.push(t("catalogue.workflow.submitConditions"));
    const automatic = definition.decisionOnSubmission;
    const outcome = definition.outcomes.find((one) => one.code === automatic?.outcome);
    if (outcome)
      said.push(t("catalogue.workflow.decidedOnSubmission", { outcome: inLanguage(outcome.label, reader) }));
  }
  for (const guard of step.guards) said.push(t(`catalogue.guards.${guard}`));
  if (step.effect) said.push(t(`catalogue.effects.${step.effect}`));
  const target = definition.states[step.to];
  if (target?.pausesDeadline) said.push(t("catalogue.workflow.clockStops"));
  else if (step.from.some((from) => definition.states[from]?.pausesDeadline)) {
    said.push(t("catalogue.workflow.clockRestarts"));
  }
  for (const task of definition.tasks.filter((one) => one.onEnter === step.to)) {
    said.push(
      t("catalogue.workflow.taskCreated", {
        task: inLanguage(task.name, reader),
        agency: t(`catalogue.agencyKinds.${task.agencyKind}`),
      }),
    );
  }
  return said;
}

/**
 * The workflow of a case type for staff and the public: a diagram drawn from the definition and
 * the same in words (a table of steps: from, to, who, conditions), which is the text equivalent.
 */
export function describeWorkflow(
  definition: CaseTypeDefinition,
  reader: CatalogueReader,
): WorkflowDescription {
  const { t } = reader;
  const order = statesInReadingOrder(definition);
  const stateLabel = (id: string) => {
    const state = definition.states[id];
    return state ? inLanguage(state.label, reader) : id;
  };
  const steps = workflowSteps(definition);
  const serviceName = inLanguage(definition.name, reader);
  const categoryLabels = Object.fromEntries(
    stateCategories.map((category) => [category, t(`catalogue.categories.${category}`)]),
  ) as Record<StateCategory, string>;

  const diagram = layoutWorkflow({
    states: order.map((id) => ({
      id,
      label: stateLabel(id),
      category: definition.states[id]?.category ?? "open",
    })),
    categoryLabels,
    edges: steps.flatMap((step) =>
      step.from.map((from) => ({
        from,
        to: step.to,
        label: stepLabel(step, reader),
        byApplicant: step.allowed === "applicant",
      })),
    ),
  });

  return {
    serviceName,
    serviceHref: `/services/${definition.code}`,
    diagram,
    diagramTitle: t("catalogue.workflow.diagramTitle", { service: serviceName }),
    diagramDescription: t("catalogue.workflow.diagramDescription", {
      states: listOf(order.map(stateLabel), "conjunction", reader),
    }),
    steps: steps.map((step) => ({
      step: stepLabel(step, reader),
      from: listOf(step.from.map(stateLabel), "disjunction", reader),
      to: stateLabel(step.to),
      who: whoTakes(step, definition, reader),
      conditions: conditionsOf(step, definition, reader),
    })),
    states: order.map((id) => {
      const state = definition.states[id];
      return {
        state: stateLabel(id),
        category: state ? categoryLabels[state.category] : "",
        note: state?.pausesDeadline ? t("catalogue.workflow.pausesDeadline") : null,
      };
    }),
    tasks: definition.tasks.map((task) => ({
      task: inLanguage(task.name, reader),
      when: stateLabel(task.onEnter),
      doneBy: t(`catalogue.agencyKinds.${task.agencyKind}`),
      mandatory: task.mandatory,
    })),
  };
}
