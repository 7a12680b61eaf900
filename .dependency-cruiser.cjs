/**
 * Readout's layers, checked by `npm run lint` (dependency-cruiser).
 *
 *   app/ → components/ → lib/            pages and UI
 *   app/api, lib/actions → lib services → db/ → pure modules
 *
 * Pure modules are the facts every layer may use: they do no I/O and import only each other.
 * The database layer may import nothing else from lib/. The simulator plays WeChat from the
 * outside: it knows the API spec and nothing of the app, and the app never imports it.
 */

/** The pure modules: dates, metric and channel definitions, the WeChat API spec, env and crypto helpers. */
const PURE = [
  "^lib/dates\\.ts$",
  "^lib/analytics/(channels|metrics)\\.ts$",
  "^lib/wechat/(endpoints|rows)\\.ts$",
  "^lib/env\\.ts$",
  "^lib/crypto\\.ts$",
];

/** Readout itself: what runs in the app (the simulator, scripts, benchmarks and tests are outside it). */
const APP_CODE = "^(app|components|lib|db)/|^(instrumentation|instrumentation-node|proxy)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "drizzle-only-in-db",
      comment:
        "Drizzle is imported only under db/, where every query lives (tests and benchmarks may inspect the database).",
      severity: "error",
      from: { pathNot: "^(db|test|bench)/" },
      to: { path: "^node_modules/drizzle-orm/" },
    },
    {
      name: "database-drivers-only-in-db",
      comment:
        "The database drivers are used only by db/ (tests and benchmarks create scratch databases with them; " +
        "the browser tests' start/stop spec reads a stopped server's folder).",
      severity: "error",
      from: { pathNot: "^(db|test|bench|e2e)/" },
      to: { path: "^node_modules/(pg|@electric-sql/pglite)/" },
    },
    {
      name: "db-imports-only-pure-modules",
      comment:
        "db/ runs queries: it may import other db/ modules and the pure modules (PURE), never lib services, " +
        "components, app or the simulator.",
      severity: "error",
      from: { path: "^db/" },
      to: { pathNot: ["^db/", "^node_modules/", ...PURE], dependencyTypesNot: ["core"] },
    },
    {
      name: "pure-modules-stay-pure",
      comment: "A pure module imports only other pure modules (and packages).",
      severity: "error",
      from: { path: PURE },
      to: { pathNot: ["^node_modules/", ...PURE], dependencyTypesNot: ["core"] },
    },
    {
      name: "wechat-not-to-db",
      comment: "lib/wechat/ speaks WeChat's API; where answers are stored is db/'s business (db/endpoint-storage.ts).",
      severity: "error",
      from: { path: "^lib/wechat/" },
      to: { path: "^db/" },
    },
    {
      name: "lib-not-to-ui",
      comment: "lib/ never imports pages or UI.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-to-app-or-db",
      comment: "Components get data and types through lib/ (views, actions), never from db/ (not even types) or app/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(app|db)/" },
    },
    {
      name: "app-and-actions-go-through-services",
      comment:
        "Pages, route handlers and server actions call lib services; of db/ they may use only the database handle " +
        "(db/client.ts).",
      severity: "error",
      from: { path: "^(app|lib/actions)/" },
      to: { path: "^db/", pathNot: "^db/client\\.ts$" },
    },
    {
      name: "app-never-imports-the-simulator",
      comment: "The simulator stands in for WeChat from the outside; only scripts, benchmarks and tests use it.",
      severity: "error",
      from: { path: APP_CODE },
      to: { path: "^simulator/" },
    },
    {
      name: "simulator-knows-only-the-api-spec",
      comment: "The simulator may import the pure modules (the WeChat API spec, dates), nothing else of Readout.",
      severity: "error",
      from: { path: "^simulator/" },
      to: { path: APP_CODE, pathNot: PURE },
    },
    {
      name: "no-circular",
      comment: "Modules that import each other, directly or through others.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-non-package-json",
      comment: "A package used but not declared in package.json (it only works by accident of hoisting).",
      severity: "error",
      from: {},
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "app-not-to-dev-dependencies",
      comment: "What runs in production may not need a devDependency (type-only imports are fine).",
      severity: "error",
      from: { path: `${APP_CODE}|^simulator/` },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "^node_modules/" },
    // Generated or ignored: the build, data folders, test output, migrations, next-env.d.ts.
    exclude: { path: "^((\\.next|\\.data[^/]*|test-results|playwright-report|db/migrations)/|next-env\\.d\\.ts$)" },
    // Type-only imports count: a component must not even import a type from db/.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
