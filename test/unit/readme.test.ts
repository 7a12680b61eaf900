import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { endpointTableMarkdown } from "@/scripts/endpoint-docs";

describe("README", () => {
  it("lists the endpoints exactly as the endpoint table defines them (npm run docs rewrites it)", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const between = /<!-- endpoints:start -->\n([\s\S]*?)\n<!-- endpoints:end -->/.exec(readme)?.[1];
    expect(between).toBe(endpointTableMarkdown());
  });
});
