/** Turns a name into the form its comparisons and keys are computed on. */
export type NameNormaliser = (name: string) => string;

/**
 * The plain normaliser: lower case, diacritics and punctuation removed, hyphens
 * turned into spaces (parts of a compound name compare on their own), spaces collapsed. Latin only:
 * a cross-script normaliser can be passed instead wherever a `NameNormaliser` is taken.
 */
export const plainNameNormaliser: NameNormaliser = (name) =>
  name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\p{Pd}_]+/gu, " ")
    .replace(/[^\p{L}\p{N}\s]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
