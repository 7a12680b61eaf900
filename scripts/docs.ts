// Rewrites the README's endpoint list from the endpoint table (lib/wechat/endpoints.ts) and the
// storage of each interface (db/endpoint-storage.ts).
import fs from "node:fs";

import { endpointTableMarkdown } from "./endpoint-docs";

const readme = fs.readFileSync("README.md", "utf8");
const updated = readme.replace(
  /<!-- endpoints:start -->[\s\S]*?<!-- endpoints:end -->/,
  `<!-- endpoints:start -->\n${endpointTableMarkdown()}\n<!-- endpoints:end -->`,
);
fs.writeFileSync("README.md", updated);
console.log(updated === readme ? "README endpoint list already current" : "README endpoint list updated");
