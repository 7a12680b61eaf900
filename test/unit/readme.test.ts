import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { endpointTableMarkdown } from "@/scripts/endpoint-docs";

const SOURCE_FILE = /\.(ts|tsx|mts|mjs|cjs|sh)$/;

/** Does the folder hold source code at any depth? */
function holdsSource(dir: string): boolean {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .some((e) => (e.isDirectory() ? holdsSource(path.join(dir, e.name)) : SOURCE_FILE.test(e.name)));
}

const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules")
    .map((e) => (dir === "." ? `${e.name}/` : `${dir}/${e.name}/`));

describe("README", () => {
  it("lists the endpoints exactly as the endpoint table defines them (npm run docs rewrites it)", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const between = /<!-- endpoints:start -->\n([\s\S]*?)\n<!-- endpoints:end -->/.exec(readme)?.[1];
    expect(between).toBe(endpointTableMarkdown());
  });

  it("has a layout table that names every source folder and lib/ folder, and only folders that exist", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const table = /## Layout\n\n(\|[\s\S]*?)\n\n/.exec(readme)?.[1] ?? "";
    const named = new Set([...table.matchAll(/`([\w./-]+\/)`/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((f) => !fs.statSync(f, { throwIfNoEntry: false })?.isDirectory())).toEqual([]);
    const expected = [...folders(".").filter((f) => holdsSource(f)), ...folders("lib")];
    expect(expected.filter((f) => !named.has(f))).toEqual([]);
  });
});
