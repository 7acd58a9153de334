import { asylumOutcomes } from "../facts/statistical-record.js";
import type { ImportErrorList } from "./import-error.js";
import {
  applicationsFile,
  decisionsFile,
  type ImportFileSpec,
  ordersToLeaveFile,
  type PersonEventFileSpec,
  permitsFile,
  personsFile,
  returnsFile,
} from "./import-file-specs.js";
import type { ApplicationRow, DecisionRow, PersonEventRow, PersonRow, ReadRow } from "./import-rows.js";
import { type LineKey, memoryReferenceStore, type ReferenceStore } from "./reference-store.js";

const ADULT_AGE = 18;

/** Files whose lines other files refer to for their facts, not only their ids. */
const referredFiles = new Set<string>([personsFile.name, applicationsFile.name, ordersToLeaveFile.name]);

/**
 * The rules that look across lines and files (unique ids, references, facts that must agree),
 * checked line by line as the files stream past in their documented order: every file refers only
 * to files read before it. Only what later lines may refer to is kept, in a `ReferenceStore`: each
 * file's ids with their first line, and the few facts of persons, applications and orders that
 * other files need. Before a batch of lines is checked, `keysOf` names what the store must load.
 */
export class ImportReferences {
  private readonly missingFiles = new Set<string>();

  constructor(
    private readonly present: ReadonlySet<string>,
    private readonly errors: ImportErrorList,
    private readonly store: ReferenceStore = memoryReferenceStore(),
  ) {}

  /** What checking these lines of `spec` reads: their own ids and the lines they refer to. */
  keysOf(spec: ImportFileSpec, lines: readonly ReadRow<unknown>[]): LineKey[] {
    const keys: LineKey[] = [];
    for (const line of lines) {
      if (line.id !== undefined) keys.push({ file: spec.name, id: line.id });
      if (line.refs.person !== undefined) keys.push({ file: personsFile.name, id: line.refs.person });
      if (line.refs.application !== undefined)
        keys.push({ file: applicationsFile.name, id: line.refs.application });
      if (line.refs.order !== undefined) keys.push({ file: ordersToLeaveFile.name, id: line.refs.order });
    }
    return keys;
  }

  /** A checked person, for the records of lines that refer to them. */
  person(personId: string): PersonRow | undefined {
    return this.valueOf<PersonRow>(personsFile, personId);
  }

  application(applicationId: string): ApplicationRow | undefined {
    return this.valueOf<ApplicationRow>(applicationsFile, applicationId);
  }

  order(orderId: string): PersonEventRow | undefined {
    return this.valueOf<PersonEventRow>(ordersToLeaveFile, orderId);
  }

  private valueOf<T>(spec: ImportFileSpec, id: string): T | undefined {
    return (this.store.get(spec.name, id)?.value as T | null | undefined) ?? undefined;
  }

  checkPerson(row: ReadRow<PersonRow>): void {
    this.isFirst(personsFile, "person_id", row);
  }

  checkApplication(row: ReadRow<ApplicationRow>): void {
    this.isFirst(applicationsFile, "application_id", row);
    this.checkPersonReference(applicationsFile, row);
    const person = this.person(row.refs.person ?? "");
    if (!row.value?.unaccompanied || !person?.birthDate) return;
    if (ageOn(person.birthDate, row.value.lodgedOn) >= ADULT_AGE) {
      this.errors.add({
        file: applicationsFile.name,
        line: row.line,
        field: "unaccompanied_minor",
        code: "not_a_minor",
        message: `Person ${person.personId} (born ${person.birthDate}) was ${ADULT_AGE} or older on lodged_on (${row.value.lodgedOn}).`,
      });
    }
  }

  checkPermit(row: ReadRow<unknown>): void {
    this.isFirst(permitsFile, "permit_id", row);
    this.checkPersonReference(permitsFile, row);
  }

  checkPersonEvent(spec: PersonEventFileSpec, row: ReadRow<PersonEventRow>): void {
    this.isFirst(spec, spec.idColumn, row);
    this.checkPersonReference(spec, row);
    if (spec.name !== returnsFile.name) return;
    if (!this.checkReference(spec, row, "order", "order_id", ordersToLeaveFile)) return;
    const order = this.order(row.refs.order ?? "");
    if (!row.value || !order) return;
    if (order.personId !== row.value.personId) {
      this.errors.add({
        file: spec.name,
        line: row.line,
        field: "order_id",
        code: "person_mismatch",
        message: `Order to leave ${order.id} was issued to person ${order.personId}, not ${row.value.personId}.`,
      });
    }
    if (row.value.date < order.date) {
      this.errors.add({
        file: spec.name,
        line: row.line,
        field: spec.dateColumn,
        code: "before_order",
        message: `${spec.dateColumn} (${row.value.date}) is before order to leave ${order.id} was issued (${order.date}).`,
      });
    }
  }

  checkDecision(row: ReadRow<DecisionRow>): void {
    this.isFirst(decisionsFile, "decision_id", row);
    if (!this.checkReference(decisionsFile, row, "application", "application_id", applicationsFile)) {
      return;
    }
    const application = this.application(row.refs.application ?? "");
    if (!row.value || !application) return;
    const asylumOutcome = (asylumOutcomes as readonly string[]).includes(row.value.outcome);
    const asylum = application.caseType === "asylum";
    if (asylumOutcome !== asylum) {
      this.errors.add({
        file: decisionsFile.name,
        line: row.line,
        field: "outcome",
        code: "outcome_mismatch",
        message: asylum
          ? `Application ${application.applicationId} is an asylum application: the outcome must be GENCONV, SUB_PROT, HUMSTAT or REJECTED.`
          : `Application ${application.applicationId} is not an asylum application: the outcome must be GRANTED, REFUSED or CLOSED.`,
      });
    }
    if (row.value.decidedOn < application.lodgedOn) {
      this.errors.add({
        file: decisionsFile.name,
        line: row.line,
        field: "decided_on",
        code: "before_application",
        message: `decided_on (${row.value.decidedOn}) is before application ${application.applicationId} was lodged (${application.lodgedOn}).`,
      });
    }
  }

  /**
   * Keeps the first line of an id (with its facts, for the files others refer to) and reports a
   * second use of the id in the file.
   */
  private isFirst(spec: ImportFileSpec, idColumn: string, row: ReadRow<unknown>): void {
    if (row.id === undefined) return;
    const first = this.store.get(spec.name, row.id);
    if (first === undefined) {
      this.store.set(spec.name, row.id, {
        line: row.line,
        value: referredFiles.has(spec.name) ? row.value : null,
      });
      return;
    }
    this.errors.add({
      file: spec.name,
      line: row.line,
      field: idColumn,
      code: "duplicate_id",
      message: `${idColumn} ${JSON.stringify(row.id)} is already used on line ${first.line}.`,
    });
  }

  private checkPersonReference(spec: ImportFileSpec, row: ReadRow<unknown>): void {
    this.checkReference(spec, row, "person", "person_id", personsFile);
  }

  /** Reports a reference to a line that is not in its file; true when it resolves (or there is none). */
  private checkReference(
    spec: ImportFileSpec,
    row: ReadRow<unknown>,
    ref: "person" | "application" | "order",
    column: string,
    target: ImportFileSpec,
  ): boolean {
    const id = row.refs[ref];
    if (id === undefined) return true;
    if (!this.present.has(target.name)) {
      // One error rather than one per line: the whole file is missing, not each reference.
      const key = `${spec.name}\u0000${column}`;
      if (!this.missingFiles.has(key)) {
        this.missingFiles.add(key);
        this.errors.add({
          file: spec.name,
          line: null,
          field: column,
          code: "missing_file",
          message: `${spec.name} refers to ${target.name}, which is not in the import.`,
        });
      }
      return false;
    }
    if (this.store.get(target.name, id) !== undefined) return true;
    this.errors.add({
      file: spec.name,
      line: row.line,
      field: column,
      code: `unknown_${ref}`,
      message: `${column} ${JSON.stringify(id)} is not in ${target.name}.`,
    });
    return false;
  }
}

/** Completed years, as a person counts their age. */
function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
