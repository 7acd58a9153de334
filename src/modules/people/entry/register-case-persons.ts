import type { SQL } from "drizzle-orm";
import type { Queryable, TransactionPipeline } from "../../../platform/db/index.js";
import { type CaseTypeDefinition, personsOfAnswers } from "../../cases/index.js";
import { blockingKeyLocks, type RegisterSnapshot } from "../operations/register-batch-reads.js";
import {
  readRegisterSnapshot,
  registerCasesOccurrences,
  registerLockKeys,
} from "../operations/register-case-occurrences.js";
import type { RegisterOptions, Registration } from "../operations/register-occurrence.js";
import { type RelationKind, relatePersons } from "../operations/relate-persons.js";

/** Where one declared person of a case stands in the register after its submission. */
export interface CasePersonOutcome {
  role: string;
  slot: number;
  band: "linked" | "review" | "new";
  personId: string | null;
}

const relationKinds = new Set<string>(["spouse", "child", "parent", "guardian"]);

/** A family member's relationship as answered, as a register relation (any other answer: family member). */
function relationKindOf(relationship: string | undefined): RelationKind {
  return relationship && relationKinds.has(relationship) ? (relationship as RelationKind) : "family-member";
}

/** A submitted case whose declared persons enter the register. */
export interface CaseWithPersons {
  caseId: string;
  definition: Pick<CaseTypeDefinition, "form" | "persons">;
  answers: Record<string, unknown>;
}

/**
 * The register's side of a batch of submitted cases, prepared once: the statement that locks their
 * persons' keys (in one order, to run in the submission's transaction before the register is read;
 * null when no person has a key), the read of what they are matched against, then the registration.
 */
export interface PreparedCasePersons {
  keyLocks: SQL | null;
  /** Reads the register for `register`, in a statement issued after `keyLocks`' (see `readRegisterSnapshot`). */
  readRegister(db: Queryable): Promise<void>;
  /**
   * `keysLocked`: `keyLocks` has run in this transaction already. With `pipeline`, the
   * transaction's COMMIT goes with the last write when no relation between persons is written after
   * it. Outcomes by case, in the order given.
   */
  register(
    db: Queryable,
    keysLocked: boolean,
    pipeline?: TransactionPipeline,
  ): Promise<CasePersonOutcome[][]>;
}

export function prepareCasePersons(cases: CaseWithPersons[], options: RegisterOptions): PreparedCasePersons {
  const declared = cases.map((one) => ({
    caseId: one.caseId,
    persons: personsOfAnswers(one.definition, one.answers),
  }));
  const keys = registerLockKeys(declared);
  let snapshot: RegisterSnapshot | undefined;
  return {
    keyLocks: keys.length > 0 ? blockingKeyLocks(keys) : null,
    async readRegister(db) {
      // Cases that declare no person have nothing to read (and `register` then reads nothing either).
      if (declared.every(({ persons }) => persons.length === 0)) return;
      snapshot = await readRegisterSnapshot(db, declared);
    },
    async register(db, keysLocked, pipeline) {
      const read = keysLocked ? snapshot : undefined;
      // A family member is related to the case's main person in statements after the registrations.
      const relates = declared.some(({ persons }) => persons.some(({ role }) => role === "family-member"));
      const registrations = await registerCasesOccurrences(db, declared, {
        ...options,
        keysLocked,
        snapshot: read,
        beforeLastWrite: pipeline && !relates ? () => pipeline.commitWithNextStatement() : undefined,
      });
      const outcomes: CasePersonOutcome[][] = [];
      for (const [index, { persons }] of declared.entries()) {
        outcomes.push(await outcomesOfCase(db, persons, registrations[index] ?? [], options));
      }
      return outcomes;
    },
  };
}

/**
 * Enters every person a submitted case declares into the register, in the caller's transaction (the
 * submission's): each is linked, sent to review or created as `registerOccurrence` would, with the
 * case, its role and slot as the source, so a second submission of the same case links nothing twice
 * (and tells where each person stands now). A family member registered beside the case's main person
 * is related to that person.
 */
export async function registerCasePersons(
  db: Queryable,
  input: CaseWithPersons,
  options: RegisterOptions,
): Promise<CasePersonOutcome[]> {
  const [outcomes] = await prepareCasePersons([input], options).register(db, false);
  return outcomes ?? [];
}

async function outcomesOfCase(
  db: Queryable,
  persons: ReturnType<typeof personsOfAnswers>,
  registrations: Registration[],
  options: RegisterOptions,
): Promise<CasePersonOutcome[]> {
  const outcomes: CasePersonOutcome[] = [];
  let mainPersonId: string | null = null;
  for (const [index, person] of persons.entries()) {
    const registration = registrations[index];
    if (!registration) throw new Error(`no registration for ${person.role} ${person.slot}`);
    outcomes.push({
      role: person.role,
      slot: person.slot,
      band: registration.band,
      personId: registration.personId,
    });
    if (person.role !== "family-member") {
      mainPersonId ??= registration.personId;
    } else if (mainPersonId && registration.personId && registration.personId !== mainPersonId) {
      await relatePersons(
        db,
        mainPersonId,
        registration.personId,
        relationKindOf(person.relationship),
        options.at,
      );
    }
  }
  return outcomes;
}
