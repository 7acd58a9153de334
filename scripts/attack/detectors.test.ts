import { describe, expect, it } from "vitest";
import { csvCells, formulaCells } from "./csv-injection.js";
import { staysHere } from "./redirects.js";

// The attack test passes only when nothing is found; these prove that the detectors would see a hole.
describe("what the attack script counts as a hole", () => {
  it("reads CSV fields as a spreadsheet does and flags text it would run", () => {
    const file = '\uFEFFname,count\r\n=1+2,-3\r\n"=HYPERLINK(""x"",""y"")",4\r\n\'=safe,+5\r\n@SUM(A1),-\r\n';
    expect(csvCells(file)).toEqual([
      "name",
      "count",
      "=1+2",
      "-3",
      '=HYPERLINK("x","y")',
      "4",
      "'=safe",
      "+5",
      "@SUM(A1)",
      "-",
    ]);
    expect(formulaCells(file)).toEqual(["=1+2", '=HYPERLINK("x","y")', "@SUM(A1)", "-"]);
  });

  it("counts a redirect as off-site when a browser would leave the service", () => {
    const base = "http://127.0.0.1:3000";
    for (const location of ["/account", "/%2f%2fevil.example", "", "http://127.0.0.1:3000/account"])
      expect(staysHere(location, base), location).toBe(true);
    for (const location of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "https://evil.example",
    ])
      expect(staysHere(location, base), location).toBe(false);
  });
});
