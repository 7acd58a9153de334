import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerPeopleCommand } from "./people.js";

const fixture = new URL("../../test/fixtures/people/people-to-link.csv", import.meta.url);
let dir: string;
let written: { stdout: string; stderr: string };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "karvan-people-link-"));
  written = { stdout: "", stderr: "" };
  vi.spyOn(process.stdout, "write").mockImplementation((text) => {
    written.stdout += String(text);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((text) => {
    written.stderr += String(text);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function karvan(...args: string[]): Promise<Command> {
  const program = new Command().exitOverride();
  registerPeopleCommand(program);
  return program.parseAsync(["node", "karvan", ...args]);
}

describe("karvan people link", () => {
  it("writes the scored pairs and the clusters and prints a summary", async () => {
    const pairs = path.join(dir, "pairs.csv");
    const clusters = path.join(dir, "clusters.csv");
    await karvan("people", "link", fileURLPath(fixture), "--out", pairs, "--clusters", clusters);
    expect(written.stdout).toMatch(
      /^20 records, 8 candidate pairs: 6 links, 0 pairs to review, 4 clusters of two or more records \(11 records linked to none\) in \d+\.\d\d s\.\n/,
    );
    const pairLines = readFileSync(pairs, "utf8").trim().split("\r\n");
    expect(pairLines).toHaveLength(9);
    expect(
      pairLines.some((line) => /^R01,R02,[\d.]+,link,equal,equal,exact,equal,equal,equal$/.test(line)),
    ).toBe(true);
    const clusterText = readFileSync(clusters, "utf8");
    // The byte-order mark tells spreadsheets the file is UTF-8.
    expect(clusterText.startsWith("\uFEFFrecord_id,cluster_id\r\nR01,C1\r\nR02,C1\r\nR03,C1\r\n")).toBe(true);
  });

  it("names the line and column of each bad row, and writes nothing", async () => {
    const input = path.join(dir, "bad.csv");
    writeFileSync(input, "record_id,full_name,sex\nA,Elvin Məmmədov,M\nB,Nərgiz Həsənova,female\n");
    const pairs = path.join(dir, "pairs.csv");
    await expect(karvan("people", "link", input, "--out", pairs)).rejects.toThrow(
      /1 problem\(s\) found in .*bad\.csv: nothing was written/,
    );
    expect(written.stderr).toContain(
      "bad.csv, line 3, column sex: sex must be F, M, UNK or empty. [invalid_sex]",
    );
    expect(existsSync(pairs)).toBe(false);
  });

  it("refuses a review score above the link score", async () => {
    await expect(
      karvan(
        "people",
        "link",
        fileURLPath(fixture),
        "--out",
        path.join(dir, "p.csv"),
        "--link-score",
        "1",
        "--review-score",
        "2",
      ),
    ).rejects.toThrow(/--review-score must not be above --link-score/);
  });
});

function fileURLPath(url: URL): string {
  return decodeURIComponent(url.pathname);
}
