import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSdmxCsv, SdmxCsvError, type SdmxDataset, writeSdmxCsv } from "./sdmx-csv.js";

const sample: SdmxDataset = {
  version: "1.0",
  dataflow: "ESTAT:MIGR_ASYAPPCTZM(1.0)",
  dimensions: ["freq", "unit", "citizen", "sex", "age", "applicant", "geo"],
  observations: [
    {
      key: {
        freq: "M",
        unit: "PER",
        citizen: "SY",
        sex: "T",
        age: "TOTAL",
        applicant: "NASY_APP",
        geo: "SE",
      },
      period: "2015-10",
      value: 13660,
      flag: "",
    },
    {
      key: {
        freq: "M",
        unit: "PER",
        citizen: "EL",
        sex: "F",
        age: "Y_LT14",
        applicant: "ASY_APP",
        geo: "SE",
      },
      period: "2015-10",
      value: null,
      flag: "c",
    },
  ],
};

describe("writeSdmxCsv", () => {
  it("writes SDMX-CSV 1.0 with a DATAFLOW column", () => {
    expect(writeSdmxCsv(sample)).toBe(
      [
        "DATAFLOW,freq,unit,citizen,sex,age,applicant,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
        "ESTAT:MIGR_ASYAPPCTZM(1.0),M,PER,SY,T,TOTAL,NASY_APP,SE,2015-10,13660,",
        "ESTAT:MIGR_ASYAPPCTZM(1.0),M,PER,EL,F,Y_LT14,ASY_APP,SE,2015-10,,c",
        "",
      ].join("\n"),
    );
  });

  it("writes SDMX-CSV 2.0 with STRUCTURE, STRUCTURE_ID and ACTION", () => {
    const text = writeSdmxCsv({ ...sample, version: "2.0" });
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "STRUCTURE,STRUCTURE_ID,ACTION,freq,unit,citizen,sex,age,applicant,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG",
    );
    expect(lines[1]).toBe(
      "dataflow,ESTAT:MIGR_ASYAPPCTZM(1.0),I,M,PER,SY,T,TOTAL,NASY_APP,SE,2015-10,13660,",
    );
  });

  it("quotes fields per RFC 4180", () => {
    const text = writeSdmxCsv({
      version: "1.0",
      dataflow: "ESTAT:X(1.0)",
      dimensions: ["geo"],
      observations: [{ key: { geo: 'a,"b"\nc' }, period: "2020", value: 1.5, flag: "" }],
    });
    expect(text).toBe('DATAFLOW,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nESTAT:X(1.0),"a,""b""\nc",2020,1.5,\n');
  });

  it("rejects missing dimension values, reserved ids and non-finite values", () => {
    const base = { version: "1.0" as const, dataflow: "ESTAT:X(1.0)", dimensions: ["geo"] };
    expect(() =>
      writeSdmxCsv({ ...base, observations: [{ key: {}, period: "2020", value: 1, flag: "" }] }),
    ).toThrow(/no value for dimension geo/);
    expect(() => writeSdmxCsv({ ...base, dimensions: ["OBS_VALUE"], observations: [] })).toThrow(/clashes/);
    expect(() =>
      writeSdmxCsv({
        ...base,
        observations: [{ key: { geo: "SE" }, period: "2020", value: Number.NaN, flag: "" }],
      }),
    ).toThrow(/finite/);
  });
});

describe("readSdmxCsv", () => {
  it("reads back both versions", () => {
    expect(readSdmxCsv(writeSdmxCsv(sample))).toEqual(sample);
    expect(readSdmxCsv(writeSdmxCsv({ ...sample, version: "2.0" }))).toEqual({ ...sample, version: "2.0" });
  });

  it("accepts CRLF, a BOM, ':' as not available, a missing OBS_FLAG and extra attribute columns", () => {
    const text =
      "\uFEFFSTRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\r\n" +
      "dataflow,ESTAT:X(1.0),I,SE,2020,:,,F\r\n";
    expect(readSdmxCsv(text)).toEqual({
      version: "2.0",
      dataflow: "ESTAT:X(1.0)",
      dimensions: ["geo"],
      observations: [{ key: { geo: "SE" }, period: "2020", value: null, flag: "" }],
    });
    expect(readSdmxCsv("DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),SE,2020,7").observations[0]).toEqual(
      {
        key: { geo: "SE" },
        period: "2020",
        value: 7,
        flag: "",
      },
    );
  });

  it.each([
    ["", /no header/],
    ["geo,TIME_PERIOD,OBS_VALUE\n", /header must start with DATAFLOW/],
    ["DATAFLOW,geo,OBS_VALUE\n", /no TIME_PERIOD/],
    ["DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\n", /no observation rows/],
    ["DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),SE,2020\n", /line 2: expected 4 fields, found 3/],
    [
      "DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),SE,2020,1\nESTAT:X(1.0),DK,2020,abc\n",
      /line 3: OBS_VALUE "abc"/,
    ],
    ["DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),SE,2020,1\n\n", /line 3: expected 4 fields, found 1/],
    [
      'DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),"S\nE",2020,1\nESTAT:Y(1.0),DK,2020,1\n',
      /line 4: dataflow/,
    ],
    ['DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),"SE,2020,1\n', /line 2: unterminated/],
    ['DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),S"E,2020,1\n', /line 2: quote inside/],
    [
      "STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE\ndataflow,ESTAT:X(1.0),D,SE,2020,1\n",
      /ACTION must be "I"/,
    ],
    [
      "STRUCTURE,STRUCTURE_ID,ACTION,geo,TIME_PERIOD,OBS_VALUE\ndatastructure,ESTAT:X(1.0),I,SE,2020,1\n",
      /STRUCTURE must be/,
    ],
  ])("rejects malformed input %#", (text, message) => {
    expect(() => readSdmxCsv(text)).toThrow(SdmxCsvError);
    expect(() => readSdmxCsv(text)).toThrow(message);
  });
});

const reserved = new Set([
  "DATAFLOW",
  "STRUCTURE",
  "STRUCTURE_ID",
  "ACTION",
  "TIME_PERIOD",
  "OBS_VALUE",
  "OBS_FLAG",
]);

function datasetArbitrary(value: fc.Arbitrary<number | null>): fc.Arbitrary<SdmxDataset> {
  return fc
    .record({
      version: fc.constantFrom<"1.0" | "2.0">("1.0", "2.0"),
      dataflow: fc.stringMatching(/^[A-Z]{1,6}:[A-Z_]{1,12}\([0-9]\.[0-9]\)$/),
      dimensions: fc.uniqueArray(
        fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/).filter((d) => !reserved.has(d)),
        { minLength: 1, maxLength: 5 },
      ),
    })
    .chain(({ version, dataflow, dimensions }) =>
      fc
        .array(
          fc.record({
            key: fc
              .tuple(...dimensions.map(() => fc.string({ unit: "grapheme", maxLength: 6 })))
              .map((codes) => Object.fromEntries(dimensions.map((d, i) => [d, codes[i] ?? ""]))),
            period: fc.string({ maxLength: 10 }),
            value,
            flag: fc.string({ maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 8 },
        )
        .map((observations) => ({ version, dataflow, dimensions, observations })),
    );
}

describe("SDMX-CSV round trip", () => {
  it("write(read(write(x))) is stable for any finite values", () => {
    const value = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null });
    fc.assert(
      fc.property(datasetArbitrary(value), (dataset) => {
        const text = writeSdmxCsv(dataset);
        expect(writeSdmxCsv(readSdmxCsv(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("read(write(x)) equals x for integer and missing values", () => {
    const value = fc.option(fc.integer({ min: -1_000_000, max: 10_000_000 }), { nil: null });
    fc.assert(
      fc.property(datasetArbitrary(value), (dataset) => {
        expect(readSdmxCsv(writeSdmxCsv(dataset))).toEqual(dataset);
      }),
      { numRuns: 300 },
    );
  });
});
