import { createReadStream, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { linkPeopleFile } from "./link-people-file.js";
import { clustersCsv, pairsCsv } from "./people-file-output.js";

const fixture = new URL("../../../../test/fixtures/people/people-to-link.csv", import.meta.url);

async function* pieces(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

function clustersById(rows: { recordId: string; clusterId: string }[]): string[][] {
  const byCluster = new Map<string, string[]>();
  for (const row of rows)
    byCluster.set(row.clusterId, [...(byCluster.get(row.clusterId) ?? []), row.recordId]);
  return [...byCluster.values()].filter((members) => members.length > 1);
}

describe("linking a file of person records against itself", () => {
  it("joins the spellings of one person across scripts and keeps look-alikes apart", async () => {
    const linkage = await linkPeopleFile(createReadStream(fixture));
    if (!linkage.ok) throw new Error(JSON.stringify(linkage.problems));
    expect(clustersById(linkage.clusters)).toEqual([
      ["R01", "R02", "R03"],
      ["R04", "R05"],
      ["R06", "R07"],
      ["R08", "R09"],
    ]);
    expect(linkage.summary).toMatchObject({ records: 20, links: 6, clusters: 4, singletons: 11 });
    // Same birth date, different person: a candidate pair, scored apart.
    const lookAlike = linkage.pairs.find((pair) => pair.leftId === "R01" && pair.rightId === "R18");
    expect(lookAlike?.band).toBe("new");
    const swapped = linkage.pairs.find((pair) => pair.leftId === "R06" && pair.rightId === "R07");
    expect(swapped?.agreement).toEqual([
      { field: "given name", level: "equal" },
      { field: "surname", level: "equal" },
      { field: "date of birth", level: "swapped" },
      { field: "sex", level: "equal" },
      { field: "citizenship", level: "missing" },
      { field: "document number", level: "equal" },
    ]);
  });

  it("reads the file the same whatever pieces it arrives in, and with ';' and CRLF", async () => {
    const text = readFileSync(fixture, "utf8");
    const whole = await linkPeopleFile(pieces(text, 1 << 20));
    const semicolons = text.replaceAll(",", ";").replaceAll("\n", "\r\n");
    const split = await linkPeopleFile(pieces(`\uFEFF${semicolons}`, 7));
    if (!whole.ok || !split.ok) throw new Error("the fixture was refused");
    expect(split.clusters).toEqual(whole.clusters);
    expect(split.pairs.map((pair) => [pair.leftId, pair.rightId, pair.band])).toEqual(
      whole.pairs.map((pair) => [pair.leftId, pair.rightId, pair.band]),
    );
  });

  it("refuses a file with bad rows, naming each line and column, and links nothing", async () => {
    const text = [
      "record_id,full_name,sex,birth_date,citizenship",
      "A1,Elvin Məmmədov,M,1990-05-01,AZ",
      'A2,"Nərgiz',
      'Həsənova",X,1990-02-30,AZE',
      "A1,Orxan Quliyev,,,",
      "A4,,F,,",
      "A5,Leyla Rzayeva,F",
    ].join("\n");
    const linkage = await linkPeopleFile(pieces(text, 16));
    expect(linkage.ok).toBe(false);
    if (linkage.ok) return;
    expect(linkage.problems.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
      [3, "sex", "invalid_sex"],
      [3, "birth_date", "invalid_date"],
      [3, "citizenship", "invalid_citizenship"],
      [5, "record_id", "duplicate_id"],
      [6, "full_name", "missing_value"],
      [7, null, "field_count"],
    ]);
  });

  it("refuses malformed CSV, unknown columns, text that is not UTF-8 and a file without records", async () => {
    const refused = async (text: string | Buffer) => {
      const linkage = await linkPeopleFile(pieces(text.toString(), 1024));
      const bytes =
        typeof text === "string"
          ? undefined
          : await linkPeopleFile(
              (async function* () {
                yield text;
              })(),
            );
      const result = bytes ?? linkage;
      return result.ok ? [] : result.problems.map((problem) => [problem.line, problem.column, problem.code]);
    };
    expect(await refused('record_id,full_name\nA,"Elvin\nB,Nərgiz')).toEqual([[2, null, "invalid_csv"]]);
    expect(await refused("record_id,name\nA,Elvin")).toEqual([
      [1, "name", "unknown_column"],
      [1, "full_name", "missing_column"],
    ]);
    expect(await refused(Buffer.from([0x72, 0x65, 0x63, 0xff, 0xfe, 0x0a]))).toEqual([[1, null, "not_utf8"]]);
    // "Ə" (C6 8F) cut off after its first byte at the end of the file.
    expect(await refused(Buffer.from([...Buffer.from("record_id,full_name\nA,M"), 0xc6]))).toEqual([
      [1, null, "not_utf8"],
    ]);
    expect(await refused("record_id,full_name\n\n")).toEqual([[2, null, "no_records"]]);
    expect(await refused("")).toEqual([[1, null, "missing_header"]]);
  });

  it("writes the pairs and clusters files with a header, scores rounded and ids kept as text", async () => {
    const text =
      "record_id,given_names,family_name,birth_date\n-1,Elvin,Məmmədov,1990-05-01\nB,Эльвин,Мамедов,1990-05-01\n";
    const linkage = await linkPeopleFile(pieces(text, 1024));
    if (!linkage.ok) throw new Error("refused");
    const pairs = pairsCsv(linkage.pairs).split("\r\n");
    expect(pairs[0]).toBe(
      "\uFEFFleft_id,right_id,score,band,given_names,family_name,birth_date,sex,citizenship,document_number",
    );
    expect(pairs[1]).toMatch(
      /^'-1,B,-?\d+(\.\d{1,2})?,(link|review|new),equal,equal,exact,missing,missing,missing$/,
    );
    expect(clustersCsv(linkage.clusters)).toBe(
      linkage.summary.links === 1
        ? "\uFEFFrecord_id,cluster_id\r\n'-1,C1\r\nB,C1\r\n"
        : "\uFEFFrecord_id,cluster_id\r\n'-1,C1\r\nB,C2\r\n",
    );
  });
});
