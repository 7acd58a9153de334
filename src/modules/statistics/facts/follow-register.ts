import type { Queryable } from "../../../platform/db/index.js";
import type { RegisterLinkChange } from "../../people/index.js";
import { type PersonKeyChange, type RekeyReport, registerPersonKey, rekeyPersons } from "./rekey-persons.js";

/** The records each change of the person register moves, and to which person. */
function keyChangesOf(changes: RegisterLinkChange[]): PersonKeyChange[] {
  return changes.map((change) => {
    if (change.kind === "merged") {
      return { from: { key: registerPersonKey(change.from) }, to: registerPersonKey(change.to) };
    }
    if (change.kind === "cases")
      return { from: { caseIds: change.caseIds }, to: registerPersonKey(change.personId) };
    if (change.kind === "family-members")
      return { from: { familyMembers: change.members }, to: registerPersonKey(change.personId) };
    return {
      from: { batchId: change.batchId, importPersonIds: change.importPersonIds },
      to: registerPersonKey(change.personId),
    };
  });
}

/**
 * Official statistics follow the person register: a review decided, a merge or its undo moves the
 * records concerned to the person they now belong to, and the cubes with them, in the register's
 * transaction (wired in the composition root as the register's follower).
 */
export async function followRegister(tx: Queryable, changes: RegisterLinkChange[]): Promise<RekeyReport> {
  return rekeyPersons(tx, keyChangesOf(changes));
}
