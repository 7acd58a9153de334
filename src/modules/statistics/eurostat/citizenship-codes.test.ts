import { describe, expect, it } from "vitest";
import { CitizenshipCodeError, eurostatCitizenship, isoFromEurostat } from "./citizenship-codes.js";

describe("eurostatCitizenship", () => {
  it("keeps ISO codes except Greece and the United Kingdom", () => {
    expect(eurostatCitizenship("SY")).toBe("SY");
    expect(eurostatCitizenship("AF")).toBe("AF");
    expect(eurostatCitizenship("GR")).toBe("EL");
    expect(eurostatCitizenship("GB")).toBe("UK");
  });

  it("maps a missing citizenship to UNK and stateless persons to STLS", () => {
    expect(eurostatCitizenship(null)).toBe("UNK");
    expect(eurostatCitizenship(null, { stateless: true })).toBe("STLS");
    expect(eurostatCitizenship(null, { stateless: false })).toBe("UNK");
  });

  it("rejects a stateless person with a citizenship", () => {
    expect(() => eurostatCitizenship("SY", { stateless: true })).toThrow(/stateless/);
  });

  it.each(["gr", "G", "GRC", "", "1A", " SY"])("rejects malformed input %j", (input) => {
    expect(() => eurostatCitizenship(input)).toThrow(CitizenshipCodeError);
  });

  it("rejects already-converted Eurostat codes", () => {
    expect(() => eurostatCitizenship("EL")).toThrow(/use GR/);
    expect(() => eurostatCitizenship("UK")).toThrow(/use GB/);
  });
});

describe("isoFromEurostat", () => {
  it("inverts the exceptions", () => {
    expect(isoFromEurostat("EL")).toBe("GR");
    expect(isoFromEurostat("UK")).toBe("GB");
    expect(isoFromEurostat("SY")).toBe("SY");
  });

  it("returns null for codes without a country", () => {
    expect(isoFromEurostat("STLS")).toBeNull();
    expect(isoFromEurostat("UNK")).toBeNull();
    expect(isoFromEurostat("TOTAL")).toBeNull();
  });

  it("rejects ISO-only codes and aggregates", () => {
    expect(() => isoFromEurostat("GR")).toThrow(/Eurostat uses EL/);
    expect(() => isoFromEurostat("GB")).toThrow(/Eurostat uses UK/);
    expect(() => isoFromEurostat("EU27_2020")).toThrow(CitizenshipCodeError);
  });

  it("round-trips every two-letter ISO code", () => {
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const iso = String.fromCharCode(a, b);
        if (iso === "EL" || iso === "UK") continue;
        expect(isoFromEurostat(eurostatCitizenship(iso))).toBe(iso);
      }
    }
  });
});
