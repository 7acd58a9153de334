import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, csvRecord, restoreCsvText, writeCsv } from "./csv-writer.js";

describe("CSV writer", () => {
  it("neutralises text a spreadsheet would run as a formula, and keeps numbers numeric", () => {
    expect(csvRecord(["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain", -3, 4.5, null, undefined])).toBe(
      "'=1+1,'+1,'-2,'@SUM(A1),'\tx,\"'\rx\",plain,-3,4.5,,",
    );
  });

  it("quotes only where RFC 4180 requires it, after neutralising", () => {
    expect(csvRecord(["a,b", 'q"', "l\nf", '=HYPERLINK("x","y")'])).toBe(
      '"a,b","q""","l\nf","\'=HYPERLINK(""x"",""y"")"',
    );
  });

  it("writes whole files with the chosen line end and an optional byte-order mark", () => {
    expect(
      writeCsv([
        ["a", 1],
        ["b", -1],
      ]),
    ).toBe("a,1\r\nb,-1\r\n");
    expect(writeCsv([["a"]], { lineEnd: "\n", byteOrderMark: true })).toBe("\uFEFFa\n");
    expect(csvLine(["x"], "\n")).toBe("x\n");
  });

  it("refuses numbers that are not figures", () => {
    expect(() => csvRecord([Number.NaN])).toThrow(RangeError);
    expect(() => csvRecord([Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it("never lets a text cell start with a formula character, and restores it exactly", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const field = csvRecord([text]);
        const unquoted = field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
        expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreCsvText(unquoted)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
