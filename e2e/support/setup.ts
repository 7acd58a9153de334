import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { CaseTypeInput } from "../../src/modules/cases/index.js";
import type { Clock } from "../../src/platform/clock/index.js";
import { launchBrowser, newCheckedPage } from "./browser.js";
import { type RunningKarvan, startKarvan } from "./karvan-server.js";

export interface BrowserTestBed {
  karvan: RunningKarvan;
  browser: Browser;
  /** A new page in a fresh browser context: its own cookies, like a separate person. */
  newPerson(): Promise<Page>;
}

/** Starts Karvan and Chromium once for the test file and stops both after it. */
export function useKarvanInBrowser(
  options: {
    caseTypes?: CaseTypeInput[];
    clock?: Clock;
    /** The full browser instead of its headless shell, for what only it has (the PDF viewer). */
    fullBrowser?: boolean;
  } = {},
): BrowserTestBed {
  const bed = {} as BrowserTestBed;
  beforeAll(async () => {
    bed.karvan = await startKarvan(options);
    bed.browser = await launchBrowser({ fullBrowser: options.fullBrowser ?? false });
    bed.newPerson = () => newCheckedPage(bed.browser);
  });
  afterAll(async () => {
    await bed.browser?.close();
    await bed.karvan?.stop();
  });
  return bed;
}
