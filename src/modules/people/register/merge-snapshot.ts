import type { LinkHow } from "./repository.js";

/** A person's own fields a merge may complete on the survivor. */
export interface PersonFields {
  sex: string | null;
  birthDate: string | null;
  citizenships: string[];
}

/**
 * Everything a merge changed, kept with it so that its undo restores each row exactly: the
 * survivor's fields before and after, and the id of every row that moved from the merged person to
 * the survivor (links with how they had been made).
 */
export interface MergeSnapshot {
  survivorBefore: PersonFields;
  survivorAfter: PersonFields;
  moved: {
    names: string[];
    documents: string[];
    relationsFrom: string[];
    relationsTo: string[];
    caseLinks: Array<{ id: string; how: LinkHow }>;
    importLinks: Array<{ id: string; how: LinkHow }>;
    recordLinks: Array<{ id: string; how: LinkHow }>;
    keys: number[];
  };
}
