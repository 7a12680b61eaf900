import { storedIn } from "@/db/endpoint-storage";
import { ENDPOINT_NAMES, ENDPOINTS } from "@/lib/wechat/endpoints";

/** The README's list of datacube interfaces: the endpoint table, and where each one's rows are stored. */
export function endpointTableMarkdown(): string {
  const lines = [
    "| interface | generation | max span (days) | data from | can change for (days) | stored in | what it returns |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const name of ENDPOINT_NAMES) {
    const e = ENDPOINTS[name];
    lines.push(
      `| ${name} | ${e.generation} | ${e.maxSpanDays} | ${e.firstDate} | ${e.mutableDays} | \`${storedIn(name)}\` | ${e.summary} |`,
    );
  }
  return lines.join("\n");
}
