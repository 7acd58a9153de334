import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Finds the test files that open a database, so that the PostgreSQL project re-runs only those: a
 * test reaches a database through `test/support/database.ts` (directly or through a test bed that
 * imports it) or names the test database switch itself. Pure unit tests run once, on PGlite's
 * project, where the database does not matter.
 */
export function databaseTestFiles(root: string, testFiles: readonly string[]): string[] {
  const databaseSupport = path.join(root, "test", "support", "database.ts");
  const usesDatabase = new Map<string, boolean>();
  const visiting = new Set<string>();

  function reaches(file: string): boolean {
    const known = usesDatabase.get(file);
    if (known !== undefined) return known;
    if (file === databaseSupport) return true;
    if (visiting.has(file)) return false;
    visiting.add(file);
    const source = readFileSync(file, "utf8");
    let result = /KARVAN_TEST_DB|KARVAN_TEST_POSTGRES_URL|inject\("postgres/.test(source);
    if (!result) {
      for (const imported of localImports(file, source)) {
        if (reaches(imported)) {
          result = true;
          break;
        }
      }
    }
    visiting.delete(file);
    usesDatabase.set(file, result);
    return result;
  }

  return testFiles.filter((file) => reaches(path.resolve(root, file)));
}

const importPattern =
  /(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** Relative imports of test and test-support code; production code never opens the test database. */
function localImports(file: string, source: string): string[] {
  const files: string[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[1] ?? match[2];
    if (!specifier) continue;
    const resolved = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts"));
    if (!existsSync(resolved)) continue;
    if (!isTestCode(resolved)) continue;
    files.push(resolved);
  }
  return files;
}

function isTestCode(file: string): boolean {
  return (
    /\.test\.ts$/.test(file) ||
    file.includes(`${path.sep}test${path.sep}support${path.sep}`) ||
    /(test-support|test-bed|test-documents|-test-support)/.test(file)
  );
}

/** Every `*.test.ts` file under the given folders, as paths relative to the root. */
export function testFilesUnder(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => path.join(folder, file)),
  );
}
