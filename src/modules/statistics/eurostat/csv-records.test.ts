import { describe, expect, it } from "vitest";
import { CsvFormatError, parseCsvRecords } from "./csv-records.js";

describe("parseCsvRecords", () => {
  it("reports the line each record starts on, across quoted line breaks", () => {
    expect(parseCsvRecords('a,b\n"x\ny",2\r\nlast,""')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x\ny", "2"] },
      { line: 4, fields: ["last", ""] },
    ]);
  });

  it("unescapes doubled quotes and strips a byte-order mark", () => {
    expect(parseCsvRecords('\uFEFF"say ""hi""",x\n')).toEqual([{ line: 1, fields: ['say "hi"', "x"] }]);
  });

  it("returns nothing for empty input and keeps blank lines as one-field records", () => {
    expect(parseCsvRecords("")).toEqual([]);
    expect(parseCsvRecords("a\n\nb\n")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: [""] },
      { line: 3, fields: ["b"] },
    ]);
  });

  it.each([
    ['a\n"open', /line 2: unterminated/],
    ['a\n"x"y', /line 2: unexpected character after closing quote/],
    ["a\rb", /line 1: bare carriage return/],
  ])("rejects %j", (text, message) => {
    expect(() => parseCsvRecords(text)).toThrow(CsvFormatError);
    expect(() => parseCsvRecords(text)).toThrow(message);
  });
});
