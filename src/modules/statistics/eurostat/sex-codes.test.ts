import { describe, expect, it } from "vitest";
import { isSexCode, parseSexCode, SEX_CODES } from "./sex-codes.js";

describe("sex codes", () => {
  it("lists F, M, UNK and the total T", () => {
    expect(SEX_CODES).toEqual(["F", "M", "UNK", "T"]);
  });

  it("recognises codes and rejects others", () => {
    expect(isSexCode("F")).toBe(true);
    expect(isSexCode("T")).toBe(true);
    expect(isSexCode("f")).toBe(false);
    expect(parseSexCode("UNK")).toBe("UNK");
    expect(() => parseSexCode("X")).toThrow(/not a Eurostat sex code/);
  });
});
