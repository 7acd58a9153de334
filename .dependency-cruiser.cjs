/** Module boundaries from ARCHITECTURE.md, enforced on every `npm run check`. */
module.exports = {
  forbidden: [
    {
      name: "platform-imports-no-module",
      comment:
        "platform/ holds shared technical parts: it must not depend on business modules, web or the CLI.",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules|web|cli)/|^src/app\\.ts$" },
    },
    {
      name: "modules-meet-through-index",
      comment: "A module uses another module only through that module's public index.ts.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/" },
      to: { path: "^src/modules/([^/]+)/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "outside-uses-module-index",
      comment: "web/, cli/ and app.ts use modules only through their index.ts.",
      severity: "error",
      from: { path: "^src/(web|cli)/|^src/app\\.ts$" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "modules-do-not-import-web-or-cli",
      severity: "error",
      from: { path: "^src/modules/" },
      to: { path: "^src/(web|cli)/|^src/app\\.ts$" },
    },
    {
      name: "demo-uses-module-index",
      comment: "Demo data is made through the modules' public faces, like any other caller.",
      severity: "error",
      from: { path: "^src/demo/" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "production-code-does-not-import-demo",
      comment:
        "Demo data and its generators stay apart from production code: only the CLI (and tests, benchmarks, browser tests) load them.",
      severity: "error",
      from: {
        path: "^src/",
        pathNot: ["^src/demo/", "^src/cli/", "^src/app\\.ts$", "\\.test\\.ts$", "/test-support/"],
      },
      to: { path: "^src/demo/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "production-code-does-not-import-tests",
      severity: "error",
      from: { path: "^src/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(test|e2e)/|\\.test\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.test\\.ts$" },
  },
};
