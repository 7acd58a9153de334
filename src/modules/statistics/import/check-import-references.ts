import { asylumOutcomes } from "../facts/statistical-record.js";
import type { ImportErrorList } from "./import-error.js";
import {
  applicationsFile,
  decisionsFile,
  ordersToLeaveFile,
  permitsFile,
  personEventFiles,
  personsFile,
  returnsFile,
} from "./import-file-specs.js";
import type { ImportRows, ReadRow } from "./import-rows.js";

const ADULT_AGE = 18;

/** The rules that look across lines and files: unique ids, references, and facts that must agree. */
export function checkImportReferences(rows: ImportRows, errors: ImportErrorList): void {
  const files: Array<[string, string, readonly ReadRow<unknown>[]]> = [
    [personsFile.name, "person_id", rows.persons],
    [applicationsFile.name, "application_id", rows.applications],
    [decisionsFile.name, "decision_id", rows.decisions],
    [permitsFile.name, "permit_id", rows.permits],
  ];
  for (const spec of personEventFiles) {
    files.push([spec.name, spec.idColumn, rows.personEvents.get(spec.name) ?? []]);
  }

  for (const [file, idColumn, lines] of files) checkUniqueIds(file, idColumn, lines, errors);

  const persons = indexById(rows.persons);
  const applications = indexById(rows.applications);
  const orders = indexById(rows.personEvents.get(ordersToLeaveFile.name) ?? []);

  for (const [file, , lines] of files) {
    checkReferences(file, lines, "person", "person_id", personsFile.name, rows.present, persons, errors);
  }
  checkReferences(
    decisionsFile.name,
    rows.decisions,
    "application",
    "application_id",
    applicationsFile.name,
    rows.present,
    applications,
    errors,
  );
  const returns = rows.personEvents.get(returnsFile.name) ?? [];
  checkReferences(
    returnsFile.name,
    returns,
    "order",
    "order_id",
    ordersToLeaveFile.name,
    rows.present,
    orders,
    errors,
  );

  for (const decision of rows.decisions) {
    const application = applications.get(decision.refs.application ?? "")?.value;
    if (!decision.value || !application) continue;
    const asylumOutcome = (asylumOutcomes as readonly string[]).includes(decision.value.outcome);
    const asylum = application.caseType === "asylum";
    if (asylumOutcome !== asylum) {
      errors.add({
        file: decisionsFile.name,
        line: decision.line,
        field: "outcome",
        code: "outcome_mismatch",
        message: asylum
          ? `Application ${application.applicationId} is an asylum application: the outcome must be GENCONV, SUB_PROT, HUMSTAT or REJECTED.`
          : `Application ${application.applicationId} is not an asylum application: the outcome must be GRANTED, REFUSED or CLOSED.`,
      });
    }
    if (decision.value.decidedOn < application.lodgedOn) {
      errors.add({
        file: decisionsFile.name,
        line: decision.line,
        field: "decided_on",
        code: "before_application",
        message: `decided_on (${decision.value.decidedOn}) is before application ${application.applicationId} was lodged (${application.lodgedOn}).`,
      });
    }
  }

  for (const application of rows.applications) {
    const person = persons.get(application.refs.person ?? "")?.value;
    if (!application.value?.unaccompanied || !person?.birthDate) continue;
    if (ageOn(person.birthDate, application.value.lodgedOn) >= ADULT_AGE) {
      errors.add({
        file: applicationsFile.name,
        line: application.line,
        field: "unaccompanied_minor",
        code: "not_a_minor",
        message: `Person ${person.personId} (born ${person.birthDate}) was ${ADULT_AGE} or older on lodged_on (${application.value.lodgedOn}).`,
      });
    }
  }

  for (const ret of returns) {
    const order = orders.get(ret.refs.order ?? "")?.value;
    if (!ret.value || !order) continue;
    if (order.personId !== ret.value.personId) {
      errors.add({
        file: returnsFile.name,
        line: ret.line,
        field: "order_id",
        code: "person_mismatch",
        message: `Order to leave ${order.id} was issued to person ${order.personId}, not ${ret.value.personId}.`,
      });
    }
    if (ret.value.date < order.date) {
      errors.add({
        file: returnsFile.name,
        line: ret.line,
        field: "returned_on",
        code: "before_order",
        message: `returned_on (${ret.value.date}) is before order to leave ${order.id} was issued (${order.date}).`,
      });
    }
  }
}

function checkUniqueIds(
  file: string,
  idColumn: string,
  lines: readonly ReadRow<unknown>[],
  errors: ImportErrorList,
): void {
  const firstLine = new Map<string, number>();
  for (const row of lines) {
    if (row.id === undefined) continue;
    const first = firstLine.get(row.id);
    if (first === undefined) {
      firstLine.set(row.id, row.line);
      continue;
    }
    errors.add({
      file,
      line: row.line,
      field: idColumn,
      code: "duplicate_id",
      message: `${idColumn} ${JSON.stringify(row.id)} is already used on line ${first}.`,
    });
  }
}

function indexById<T>(lines: readonly ReadRow<T>[]): Map<string, ReadRow<T>> {
  const index = new Map<string, ReadRow<T>>();
  for (const row of lines) if (row.id !== undefined && !index.has(row.id)) index.set(row.id, row);
  return index;
}

function checkReferences(
  file: string,
  lines: readonly ReadRow<unknown>[],
  ref: "person" | "application" | "order",
  column: string,
  targetFile: string,
  present: ReadonlySet<string>,
  targets: ReadonlyMap<string, unknown>,
  errors: ImportErrorList,
): void {
  const referring = lines.filter((row) => row.refs[ref] !== undefined);
  if (referring.length === 0) return;
  if (!present.has(targetFile)) {
    // One error rather than one per line: the whole file is missing, not each reference.
    errors.add({
      file,
      line: null,
      field: column,
      code: "missing_file",
      message: `${file} refers to ${targetFile}, which is not in the import.`,
    });
    return;
  }
  for (const row of referring) {
    const id = row.refs[ref] as string;
    if (targets.has(id)) continue;
    errors.add({
      file,
      line: row.line,
      field: column,
      code: `unknown_${ref}`,
      message: `${column} ${JSON.stringify(id)} is not in ${targetFile}.`,
    });
  }
}

/** Completed years, as a person counts their age. */
function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
