import { describe, expect, it } from "vitest";
import type { Locale } from "../../../platform/http/index.js";
import { CaseTypeRegistry } from "../definition/registry.js";
import { portalSample } from "../portal/portal-test-bed.js";
import { answerSections } from "./answers-view.js";

const definition = new CaseTypeRegistry([portalSample]).get(portalSample.code, portalSample.version);

describe("an address in the case file", () => {
  it("names its region, stored as a code of the region list, in the reader's language", () => {
    const answers = { address: { street: "Nizami 10", city: "Gəncə", region: "AZ-GA", postcode: "" } };
    const lines = (locale: Locale) =>
      answerSections(definition, answers, locale)
        .flatMap((section) => section.rows)
        .find((row) => row.kind === "lines")?.lines;
    expect(lines("en")).toEqual(["Nizami 10", "Gəncə", "Ganja"]);
    expect(lines("az")).toEqual(["Nizami 10", "Gəncə", "Gəncə"]);
    expect(lines("ru")).toEqual(["Nizami 10", "Gəncə", "Гянджа"]);
  });
});
