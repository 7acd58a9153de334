import { describe, expect, it } from "vitest";
import { type CaseStanding, type CaseTypeDefinition, CaseTypeRegistry } from "../../cases/index.js";
import { caseTypeDefinitions } from "../../permits/index.js";
import { recordsOfCase } from "./records-of-case.js";

const stayRegistration = new CaseTypeRegistry(caseTypeDefinitions).latest(
  "stay-registration",
) as CaseTypeDefinition;

/** A submitted stay registration with these answers; only what the records read is filled in. */
function registration(answers: Record<string, unknown>): CaseStanding {
  return {
    id: "00000000-0000-0000-0000-000000000001",
    typeCode: "stay-registration",
    submittedAt: "2026-02-02T08:00:00.000Z",
    legalStartDate: "2026-02-02",
    answers: { guestCitizenship: "TR", guestPassportNumber: "U1234567", ...answers },
  } as unknown as CaseStanding;
}

function regionOf(answers: Record<string, unknown>): string | null {
  const [record] = recordsOfCase(registration(answers), [], stayRegistration, (at) =>
    at.toISOString().slice(0, 10),
  );
  return record?.region ?? null;
}

describe("the region of a case's records", () => {
  const address = (region: string) => ({ street: "Neftçilər 1", city: "Bakı", region, postcode: "AZ1000" });

  it("is the stay address's region, chosen from the list", () => {
    expect(regionOf({ stayAddress: address("AZ-GA") })).toBe("AZ-GA");
  });

  it("takes an address's region only when it is a code of the list", () => {
    expect(regionOf({ stayAddress: address("az-sm") })).toBe("AZ-SM");
    expect(regionOf({ stayAddress: address("Bakı şəhəri") })).toBeNull();
    expect(regionOf({ stayAddress: address("AZ-ZZ") })).toBeNull();
    expect(regionOf({})).toBeNull();
  });
});

describe("a case type without a statistics section", () => {
  it("gives no records, whatever its answers", () => {
    const { statistics: _section, ...undeclared } = stayRegistration;
    const standing = registration({ stayAddress: { region: "AZ-GA" } });
    const legalDate = (at: Date) => at.toISOString().slice(0, 10);
    expect(recordsOfCase(standing, [], stayRegistration, legalDate)).toHaveLength(1);
    expect(recordsOfCase(standing, [], undeclared, legalDate)).toEqual([]);
  });
});
