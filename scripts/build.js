// Builds Karvan into dist/: the TypeScript sources compiled to JavaScript (tsc, types are checked by
// `npm run check`), the files they read at run time (templates, translations, data) beside them, and
// the stylesheet, scripts and images in dist/public. Plain JavaScript, so that `--if-changed` (what
// `npm start` runs) needs no development dependency when the build is current.
//
//   node scripts/build.js               build
//   node scripts/build.js --if-changed  build only if the inputs differ from the last build's
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const stampFile = path.join(dist, ".build-inputs");
/** Compiled into dist/public by scripts/build-assets.ts, not copied as they are. */
const assetSources = path.join(root, "src", "web", "assets");

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** One hash of everything the build reads from this repository (tests excluded: they are not built). */
function inputsHash() {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder(path.join(root, "src")).filter((file) => !file.endsWith(".test.ts")),
    ...["scripts/build.js", "scripts/build-assets.ts", "tsconfig.json", "tsconfig.build.json", "package.json"]
      .map((file) => path.join(root, file))
      .filter((file) => existsSync(file)),
  ];
  for (const file of files) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function toolOrExit(specifier) {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    process.stderr.write(
      "build: dist/ is missing or older than the sources, and the build needs the development\n" +
        "dependencies: run `npm install` (or `npm ci`), then `npm run build`\n",
    );
    process.exit(1);
  }
}

function build() {
  const tsc = toolOrExit("typescript/bin/tsc");
  toolOrExit("tsx");
  const started = Date.now();
  const inputs = inputsHash();
  rmSync(dist, { recursive: true, force: true });
  run([tsc, "-p", "tsconfig.build.json"], "tsc -p tsconfig.build.json");
  // Templates, translations and data files are found beside the code that reads them.
  cpSync(path.join(root, "src"), dist, {
    recursive: true,
    filter: (source) => !source.startsWith(assetSources) && !source.endsWith(".ts"),
  });
  run(["--import", "tsx", path.join(root, "scripts", "build-assets.ts")], "build:assets");
  writeFileSync(stampFile, `${inputs}\n`);
  process.stderr.write(`build: dist/ in ${Date.now() - started} ms\n`);
}

const ifChanged = process.argv.includes("--if-changed");
const hasSources = existsSync(path.join(root, "src"));
if (!ifChanged) {
  build();
} else if (hasSources) {
  const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (built !== inputsHash()) build();
}
