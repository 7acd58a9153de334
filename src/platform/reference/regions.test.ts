import { describe, expect, it } from "vitest";
import { isRegionCode, regionName, regionOptions, regionsOf } from "./regions.js";

describe("the region code list", () => {
  it("holds every ISO 3166-2:AZ subdivision once, named in three languages", () => {
    const regions = regionsOf("AZ");
    expect(regions).toHaveLength(78);
    expect(regions.filter((region) => region.kind === "city")).toHaveLength(11);
    expect(regions.filter((region) => region.kind === "district")).toHaveLength(66);
    expect(regionName("AZ-BA", "az")).toBe("Bakı");
    expect(regionName("AZ-GA", "en")).toBe("Ganja");
    expect(regionName("AZ-SM", "ru")).toBe("Сумгайыт");
  });

  it("tells a city from the district of the same name", () => {
    const names = regionsOf("AZ").map((region) => region.name.en);
    expect(new Set(names).size).toBe(names.length);
    expect(regionName("AZ-LA", "en")).not.toBe(regionName("AZ-LAN", "en"));
  });

  it("accepts only codes on the list", () => {
    expect(isRegionCode("AZ-BA")).toBe(true);
    expect(isRegionCode("AZ-SUS")).toBe(true);
    for (const value of ["Baku", "az-ba", "AZ-ZZ", "XX-BA", "", null, 7])
      expect(isRegionCode(value)).toBe(false);
    expect(regionName("Baki rayonu", "en")).toBe("Baki rayonu");
  });

  it("sorts the pick list by name in the reader's language", () => {
    const options = regionOptions("AZ", "ru");
    expect(options).toHaveLength(78);
    const names = options.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "ru")));
  });
});
