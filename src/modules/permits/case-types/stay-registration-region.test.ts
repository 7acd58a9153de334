import { describe, expect, it } from "vitest";
import { regionOptions } from "../../../platform/reference/index.js";
import { CaseTypeRegistry, checkAnswers } from "../../cases/index.js";
import { stayRegistration as input } from "./stay-registration.js";

const stayRegistration = new CaseTypeRegistry([input]).get("stay-registration", input.version);

describe("the region of a stay registration", () => {
  const stay = {
    arrivalDate: "2026-01-28",
    departureDate: "2026-03-20",
    accommodation: "hotel",
    hostName: "Caspian Hotel",
  };
  const address = (region: string) => ({
    street: "Neftçilər prospekti 1",
    city: "Bakı",
    region,
    postcode: "AZ1000",
  });
  const check = (region: string) =>
    checkAnswers(stayRegistration, { ...stay, stayAddress: address(region) }, "2026-02-02", "stay");

  it("is asked once, as the region of the stay address", () => {
    const fields = stayRegistration.form.flatMap((page) => page.fields);
    expect(fields.filter((field) => field.kind === "address").map((field) => field.name)).toEqual([
      "stayAddress",
    ]);
    expect(fields.some((field) => /region/i.test(field.name))).toBe(false);
  });

  it("is picked from every region of Azerbaijan, named in three languages", () => {
    const named = (locale: string) => regionOptions("AZ", locale);
    for (const locale of ["az", "en", "ru"]) expect(named(locale)).toHaveLength(78);
    const ganja = (locale: string) => named(locale).find((option) => option.code === "AZ-GA")?.name;
    expect([ganja("az"), ganja("en"), ganja("ru")]).toEqual(["Gəncə", "Ganja", "Гянджа"]);
  });

  it("accepts a code of the list (in any case) or none, and refuses free text at the address", () => {
    expect(check("AZ-SM").problems).toEqual([]);
    expect((check(" az-sm ").answers.stayAddress as { region: string }).region).toBe("AZ-SM");
    expect(check("").problems).toEqual([]);
    for (const typed of ["Bakı rayonu", "AZ-ZZ", "RU-MOW"]) {
      expect(check(typed).problems).toEqual([{ field: "stayAddress", messageKey: "cases.answers.region" }]);
    }
  });
});
