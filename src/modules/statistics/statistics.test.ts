import { describe, expect, it } from "vitest";
import {
  ageGroupOn,
  buildTable,
  eurostatCitizenship,
  protectTable,
  readSdmxCsv,
  writeSdmxCsv,
} from "./index.js";

/** The module's public face, end to end: counts by Eurostat codes, protected, out as SDMX-CSV and back. */
describe("a public table from counts to SDMX-CSV", () => {
  it("hides small cells with the confidential flag and keeps the figures shown exact to the rounding", () => {
    const citizenships = ["SY", "GR", null].map((code) => eurostatCitizenship(code));
    expect(citizenships).toEqual(["SY", "EL", "UNK"]);
    const ages = ["2010-05-01", "1990-02-28"].map((birth) => ageGroupOn(birth, "2026-12-31"));
    expect(ages).toEqual(["Y14-17", "Y35-64"]);
    const table = buildTable(citizenships, ages, [
      [120, 33],
      [2, 41],
      [17, 9],
    ]);
    const published = protectTable(table, { audience: "public", round: true });
    const observations = citizenships.flatMap((citizen, row) =>
      ages.map((age, column) => {
        const cell = published.cells[row]?.[column];
        return { key: { citizen, age }, period: "2026", value: cell?.value ?? null, flag: cell?.flag ?? "" };
      }),
    );
    const hidden = observations.filter((one) => one.flag === "c");
    // The 2 is hidden, and at least one more cell in its row and its column with it.
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    expect(
      observations.find((one) => one.key.citizen === "EL" && one.key.age === "Y14-17")?.value,
    ).toBeNull();
    for (const shown of observations.filter((one) => one.value !== null)) {
      expect((shown.value as number) % 5).toBe(0);
    }

    for (const version of ["1.0", "2.0"] as const) {
      const text = writeSdmxCsv({
        version,
        dataflow: "ESTAT:MIGR_ASYAPPCTZA(1.0)",
        dimensions: ["citizen", "age"],
        observations,
      });
      const back = readSdmxCsv(text);
      expect(back.version).toBe(version);
      expect(back.observations).toEqual(observations);
    }

    const internal = protectTable(table, { audience: "internal", round: false });
    expect(internal.cells[1]?.[0]).toEqual({ value: 2, flag: "" });
  });
});
