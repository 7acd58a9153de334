import { existsSync } from "node:fs";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * Debian's `chromium-headless-shell`: Chromium's engine without the browser around it (the old
 * headless mode, which Playwright itself runs by default). It draws and checks the same pages with
 * about half the CPU of the full browser (measured on the 2-core machine: 3.1 s against 5.8 s for
 * 32 pages checked with axe). Only a test of what the full browser adds (its PDF viewer) asks for
 * the full browser.
 */
export const headlessShellPath =
  process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? "/usr/bin/chromium-headless-shell";

/**
 * Browser tests need Debian's Chromium. Locally without it they are skipped with a notice, and
 * without the headless shell they run in the full browser; in CI (CI=true) either missing is a
 * failure, so the tests can never silently not run.
 */
export const browserAvailable = existsSync(chromiumPath);
const headlessShellAvailable = existsSync(headlessShellPath);
if (process.env.CI && !(browserAvailable && headlessShellAvailable)) {
  throw new Error(`Chromium not found at ${chromiumPath} or ${headlessShellPath}: .ci/run must install both`);
}
if (!browserAvailable) {
  process.stderr.write(`e2e: ${chromiumPath} not found, browser tests skipped (apt-get install chromium)\n`);
}

export async function launchBrowser(options: { fullBrowser?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.fullBrowser || !headlessShellAvailable ? chromiumPath : headlessShellPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** WCAG 2.2 A and AA, as axe knows them: every page a browser test visits must pass. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core in the page itself (loaded with each document of a `newCheckedPage`, injected into
 * any other page), asked for violations only. Passing and inapplicable results are what cost the
 * time (selectors for every node that passes), and a test needs none of them: the violations are
 * the same, in about a third of the time the Playwright wrapper takes (measured on the 2-core
 * machine: 205 ms against 560 ms a page).
 * Karvan's pages have no frames, which the wrapper would otherwise visit.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // A click that navigates returns once the new document is committed, while it may still be
  // parsing: axe (loaded with the document) must see the whole page with its stylesheets.
  await page.waitForLoadState("load");
  const key = await checkedStateOf(page);
  if (key !== null && passedStates.has(key)) return;
  let violations = await axeViolations(page);
  if (violations === null) {
    await page.evaluate(axe.source);
    violations = (await axeViolations(page)) ?? [];
  }
  const summary = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  if (key !== null) passedStates.add(key);
}

/**
 * The states of a page that passed axe in this worker. A state is what axe's result depends on:
 * the document (its markup with the attributes scripts set, its mode), the form controls' values,
 * the focused element, the viewport and the scroll position, in one browser build; the stylesheets
 * are the run's own. A page a test visits again in the same state (a list after a step that
 * changed nothing on it, a sign-in page after a sign-out) passes again without a second check:
 * a fifth of the browser tests' checks, with axe taking 0.15–0.4 s of the renderer's CPU per check.
 * Tokens that differ at every render (the CSRF token, CSP nonces) are left out, and identifiers
 * (UUIDs) are renamed in order of appearance, so that two pages differing only in which case they
 * show have the same state, while the pattern of references between their elements still counts.
 */
const passedStates = new Set<string>();

/** The state's SHA-256, computed in the page; null where the page has no Web Crypto (not a secure context). */
async function checkedStateOf(page: Page): Promise<string | null> {
  const browserBuild = page.context().browser()?.version() ?? "";
  return page.evaluate(async (build) => {
    if (!globalThis.crypto?.subtle) return null;
    const renamed = new Map<string, string>();
    const markup = document.documentElement.outerHTML
      .replace(/(name="_csrf" value=")[^"]*"/g, '$1"')
      .replace(/ nonce="[^"]*"/g, "")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
        const known = renamed.get(id.toLowerCase());
        if (known) return known;
        const name = `uuid-${renamed.size}`;
        renamed.set(id.toLowerCase(), name);
        return name;
      });
    const all = Array.from(document.querySelectorAll("*"));
    const controls = Array.from(
      document.querySelectorAll<HTMLInputElement>("input:not([type=hidden]), select, textarea"),
      (control) => [control.value, control.checked, all.indexOf(control)],
    );
    const state = JSON.stringify([
      build,
      document.compatMode,
      window.innerWidth,
      window.innerHeight,
      window.scrollX,
      window.scrollY,
      all.indexOf(document.activeElement as Element),
      controls,
      markup,
    ]);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(state));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
  }, browserBuild);
}

/** The page's violations, or null when axe is not in the page (a context not made by `newCheckedPage`). */
function axeViolations(page: Page): Promise<AxeViolation[] | null> {
  return page.evaluate(async (tags) => {
    const { axe: inPage } = window as unknown as {
      axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
    };
    if (!inPage) return null;
    return (
      await inPage.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
    ).violations;
  }, wcagTags);
}

/**
 * A page in a fresh browser context (its own cookies, like a separate person) whose every document
 * starts with axe loaded: Chromium runs the script as the document is made, instead of each check
 * sending axe's 550 kB source over the DevTools connection and waiting for it (measured on the
 * 2-core machine: 37 ms a page against 96 ms).
 */
export async function newCheckedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript({ content: axe.source });
  return context.newPage();
}

/** Opens a page and checks it with axe; every visit goes through here. */
export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectAccessible(page);
}

/**
 * The page fits a phone 375 CSS pixels wide without scrolling sideways (WCAG 1.4.10 reflow); the
 * viewport goes back to what it was after. A failure names the first elements that stick out.
 */
export async function expectFitsPhone(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll("body *"))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !element.closest(".govuk-visually-hidden, [hidden]"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
  if (before) await page.setViewportSize(before);
  expect(
    overflow.scrollWidth,
    `${page.url()} is wider than 375 px: ${overflow.wide.join(", ")}`,
  ).toBeLessThanOrEqual(375);
}
