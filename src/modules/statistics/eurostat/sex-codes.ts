/**
 * Eurostat SEX dimension codes. `T` (total) is an aggregate used only in published tables; a person
 * record is `F`, `M` or `UNK`. Eurostat's migration tables have no third-gender code, so anything
 * else recorded in a case must be reported as `UNK` by the caller.
 */
export const SEX_CODES = ["F", "M", "UNK", "T"] as const;
export type SexCode = (typeof SEX_CODES)[number];
export type PersonSexCode = Exclude<SexCode, "T">;

export function isSexCode(value: string): value is SexCode {
  return (SEX_CODES as readonly string[]).includes(value);
}

export function parseSexCode(value: string): SexCode {
  if (!isSexCode(value)) {
    throw new Error(
      `not a Eurostat sex code: ${JSON.stringify(value)} (expected one of ${SEX_CODES.join(", ")})`,
    );
  }
  return value;
}
