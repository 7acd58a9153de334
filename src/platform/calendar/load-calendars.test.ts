import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  buildLegalCalendars,
  CalendarDataError,
  type CalendarFile,
  loadLegalCalendars,
  shippedCalendarDataDir,
} from "./index.js";

function shipped(file: string) {
  return JSON.parse(readFileSync(path.join(shippedCalendarDataDir, file), "utf8"));
}

function problemsOf(files: CalendarFile[]): string {
  try {
    buildLegalCalendars(files);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataError);
    return (error as CalendarDataError).message;
  }
  throw new Error("the files were accepted");
}

function setFirstDate(file: CalendarFile, date: string): void {
  const [first] = (file.content as { nonWorkingDays: Array<{ date: string }> }).nonWorkingDays;
  if (!first) throw new Error("the year file lists no day");
  first.date = date;
}

const country = (): CalendarFile => ({ file: "az.json", content: shipped("az.json") });
const year2025 = (): CalendarFile => ({ file: "az-2025.json", content: shipped("az-2025.json") });

describe("loading calendar files", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it("loads every shipped file, each with its sources and update notes", () => {
    const names = readdirSync(shippedCalendarDataDir).sort();
    expect(names).toEqual(["az-2025.json", "az-2026.json", "az-2027.json", "az.json"]);
    for (const name of names) {
      const content = shipped(name);
      expect(content.$comment.length, name).toBeGreaterThan(0);
      expect(content.sources.length, name).toBeGreaterThan(0);
    }
    expect(loadLegalCalendars().of("AZ").coveredYears()).toHaveLength(3);
  });

  it("stops on a misspelt field, a wrong date or a file name that does not match", () => {
    const misspelt = year2025();
    Object.assign(misspelt.content as object, { extraDayOff: [] });
    expect(problemsOf([country(), misspelt])).toMatch(/az-2025\.json[\s\S]*extraDayOff/);

    const badDate = year2025();
    setFirstDate(badDate, "2025-02-30");
    expect(problemsOf([country(), badDate])).toMatch(/nonWorkingDays\.0\.date/);

    expect(problemsOf([country(), { file: "az-2024.json", content: shipped("az-2025.json") }])).toMatch(
      /does not match the file name/,
    );
    expect(problemsOf([country(), { file: "azerbaijan-2025.json", content: {} }])).toMatch(
      /<country>-<year>\.json/,
    );
    expect(problemsOf([year2025()])).toMatch(/no country file az\.json/);
  });

  it("stops on an unknown time zone or a day outside the file's year", () => {
    const zone = country();
    (zone.content as { timeZone: string }).timeZone = "Asia/Nowhere";
    expect(problemsOf([zone, year2025()])).toMatch(/Asia\/Nowhere/);

    const outside = year2025();
    setFirstDate(outside, "2026-01-01");
    expect(problemsOf([country(), outside])).toMatch(/2026-01-01 is outside 2025/);
  });

  it("stops on transfers that change nothing or contradict the law", () => {
    const alreadyOff = year2025();
    (alreadyOff.content as { extraDaysOff: object[] }).extraDaysOff.push({
      date: "2025-06-09",
      reason: "carried over from Gurban by hand",
      reference: "test",
    });
    expect(problemsOf([country(), alreadyOff])).toMatch(/2025-06-09 is already a day off by law/);

    const holidayAtWork = year2025();
    (holidayAtWork.content as { extraWorkingDays: object[] }).extraWorkingDays.push({
      date: "2025-05-28",
      reason: "work on Independence Day",
      reference: "test",
    });
    expect(problemsOf([country(), holidayAtWork])).toMatch(/2025-05-28 is a listed non-working day/);

    const workingAlready = year2025();
    (workingAlready.content as { extraWorkingDays: object[] }).extraWorkingDays.push({
      date: "2025-04-02",
      reason: "a Wednesday",
      reference: "test",
    });
    expect(problemsOf([country(), workingAlready])).toMatch(/2025-04-02 is already a working day/);
  });

  it("reads a folder, ignoring files that are not JSON, and reports broken JSON by file", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "karvan-calendar-"));
    folders.push(folder);
    writeFileSync(path.join(folder, "README.md"), "notes");
    writeFileSync(path.join(folder, "az.json"), JSON.stringify(shipped("az.json")));
    writeFileSync(path.join(folder, "az-2026.json"), JSON.stringify(shipped("az-2026.json")));
    expect(loadLegalCalendars(folder).of("AZ").isWorkingDay("2026-03-31")).toBe(true);

    writeFileSync(path.join(folder, "az-2027.json"), "{ not json");
    expect(() => loadLegalCalendars(folder)).toThrow(/az-2027\.json[\s\S]*not valid JSON/);
  });
});
