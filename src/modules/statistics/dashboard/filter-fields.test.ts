import { describe, expect, it } from "vitest";
import type { Translate } from "./build-dashboard.js";
import { registrationsByRegion } from "./build-dashboard.js";
import { parseDashboardFilters } from "./dashboard-filters.js";
import { filterFields, makeFilterView } from "./filter-fields.js";

const names: Record<string, string> = {
  "statistics.dashboard.all": "All",
  "statistics.dashboard.unknownRegion": "Unknown or other region",
  "statistics.codes.STLS": "Stateless",
  "statistics.codes.UNK": "Unknown",
  "statistics.dashboard.citizen": "Citizenship",
  "statistics.dashboard.region": "Region",
};
const t: Translate = (key, options) => {
  if (key === "statistics.caseTypes" && options?.returnObjects)
    return { "work-permit": "Work permit", asylum: "Asylum" } as unknown as string;
  if (key === "statistics.errors.invalid_choice") return `${options?.field}: choose from the list`;
  return names[key] ?? key;
};

describe("the dashboard's filters", () => {
  const view = makeFilterView("AZ", "en", t);

  it("offers case types, citizenships and regions by name, not as codes to type", () => {
    const { fields, errors } = filterFields(
      view,
      { from: "2025-01", to: "2025-12", caseType: "", citizen: "EL", region: "AZ-GA" },
      [],
      {},
      t,
    );
    expect(errors).toEqual([]);
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.from?.kind).toBe("month");
    for (const name of ["caseType", "citizen", "region"]) expect(byName[name]?.kind).toBe("choice");
    expect(byName.caseType?.items.map((item) => item.text)).toEqual(["All", "Asylum", "Work permit"]);
    expect(byName.citizen?.items.find((item) => item.selected)?.text).toBe("Greece");
    expect(byName.region?.items.find((item) => item.selected)?.text).toBe("Ganja");
    expect(byName.region?.items.at(-1)).toEqual({
      value: "UNK",
      text: "Unknown or other region",
      selected: false,
    });
    expect(byName.region?.items).toHaveLength(1 + 78 + 1);
  });

  it("refuses a code the pick list does not offer and names the field", () => {
    const { filters, problems } = parseDashboardFilters(
      { region: "Baki rayonu", citizen: "GR", caseType: "asylum" },
      "2026-03",
      view.allowed,
    );
    expect(filters).toMatchObject({ region: "", citizen: "", caseType: "asylum" });
    expect(problems).toEqual([
      { field: "citizen", code: "invalid_choice" },
      { field: "region", code: "invalid_choice" },
    ]);
    const { errors } = filterFields(view, filters, problems, {}, t);
    expect(errors).toEqual([
      { text: "Citizenship: choose from the list", href: "#citizen" },
      { text: "Region: choose from the list", href: "#region" },
    ]);
  });
});

describe("registrations by region", () => {
  it("counts free text and codes off the list as unknown, never as regions of their own", () => {
    const series = (...values: number[]) => values.map((n) => ({ n }));
    const regions = registrationsByRegion(
      new Map([
        ["AZ-BA", series(3, 4)],
        ["Bakı rayonu", series(2, 0)],
        ["UNK", series(1, 1)],
        ["AZ-ZZ", series(5, 0)],
      ]),
    );
    expect(regions).toEqual([
      { code: "AZ-BA", n: 7 },
      { code: "UNK", n: 9 },
    ]);
  });
});
