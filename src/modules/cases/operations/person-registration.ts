import type { SQL } from "drizzle-orm";
import type { Queryable, TransactionPipeline } from "../../../platform/db/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";

/** Where one declared person of a submitted case stands in the person register. */
export interface RegisteredCasePerson {
  role: string;
  slot: number;
  /** Linked to a known person, waiting for an officer's review, or a new person. */
  band: "linked" | "review" | "new";
  /** Null while the review is open. */
  personId: string | null;
}

/** A submitted case whose declared persons (its definition's persons section) enter the register. */
export interface CaseToRegister {
  caseId: string;
  definition: CaseTypeDefinition;
  answers: Record<string, unknown>;
}

/**
 * The register's side of submitted cases, prepared once for the cases of one submission (one, or a
 * batch's): `keyLocks` is the statement that locks their persons' keys in one order, which must run
 * in the submission's transaction before the register is read (null when no person has a key).
 */
export interface PreparedPersonRegistration {
  keyLocks: SQL | null;
  /**
   * Reads what the persons are matched against, in the submission's transaction, in a statement
   * issued after `keyLocks` (the two may travel to the server together): `register` reads it no more.
   */
  readRegister(db: Queryable): Promise<void>;
  /**
   * Enters the persons into the register inside the submission's transaction; `keysLocked` when
   * `keyLocks` has run in it already. Where each case's persons stand, by case in the order given.
   * With `pipeline` (a pipelined transaction's), the transaction's COMMIT goes with the register's
   * last write when nothing follows it: the caller then issues no further statement.
   */
  register(
    db: Queryable,
    keysLocked: boolean,
    pipeline?: TransactionPipeline,
  ): Promise<RegisteredCasePerson[][]>;
}

/**
 * Enters the persons submitted cases declare into the person register, inside the submission's
 * transaction: portal, API and a host's file alike. Wired in the composition root, so that the
 * case engine imports no module that keeps persons.
 */
export type PersonRegistration = (cases: CaseToRegister[]) => PreparedPersonRegistration;

/** Registers the cases' persons in a transaction of their own statements: locks, reads, writes. */
export async function registerCasePersonsNow(
  registration: PersonRegistration | undefined,
  db: Queryable,
  cases: CaseToRegister[],
): Promise<RegisteredCasePerson[][]> {
  if (!registration) return [];
  return registration(cases).register(db, false);
}

/** Where the declared persons of these cases stand in the register now, by case (wired in the composition root). */
export type RegisteredPersonsLookup = (
  db: Queryable,
  caseIds: string[],
) => Promise<Map<string, RegisteredCasePerson[]>>;
