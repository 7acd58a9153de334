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

/** The built-in staff roles holding a permission, in the reader's language. */
function rolesHolding(permission: string, reader: CatalogueReader): Array<{ name: string; holds: string[] }> {
  return builtInRoles
    .filter((role) => role.staff && (role.permissions as string[]).includes(permission))
    .map((role) => ({ name: role.names[reader.locale], holds: role.permissions as string[] }));
}

/**
 * Who takes a step, in words: the applicant (host, employer), or the staff roles that may. A type
 * only some roles may read names only those; any other type leaves out the roles that are another
 * type's specialists (holding its read permission), who may process it but whose work it is not.
 * A staff-registered type is submitted by the roles that may register it.
 */
function whoTakes(
  step: WorkflowStep,
  definition: CaseTypeDefinition,
  reader: CatalogueReader,
  specialistPermissions: string[],
): string {
  const register = definition.access?.register;
  if (step.allowed === "applicant" && !(definition.applicants.includes("staff") && register)) {
    return listOf(
      definition.applicants.map((kind) => reader.t(`catalogue.workflow.who.${kind}`)),
      "disjunction",
      reader,
    );
  }
  const permission = step.allowed === "applicant" ? (register as string) : step.allowed;
  const holders = rolesHolding(permission, reader);
  const read = definition.access?.read;
  const own = read
    ? holders.filter((role) => role.holds.includes(read))
    : holders.filter((role) => !role.holds.some((held) => specialistPermissions.includes(held)));
  const roles = (own.length > 0 ? own : holders).map((role) => role.name);
  return roles.length > 0 ? listOf(roles, "disjunction", reader) : reader.t("catalogue.workflow.who.staff");
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
  others: CaseTypeDefinition[] = [],
): WorkflowDescription {
  const specialistPermissions = others.flatMap((other) =>
    other.code !== definition.code && other.access?.read ? [other.access.read] : [],
  );
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
      who: whoTakes(step, definition, reader, specialistPermissions),
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
