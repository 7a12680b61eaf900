/**
 * npx tsx --conditions=react-server bench/explain.ts --database-url URL [--years 3] [--accounts 20]
 *
 * EXPLAIN ANALYZE of every statement the range views run for a 365-day range, on a scratch
 * database seeded as bench:views seeds it (dropped afterwards). Prints markdown: per statement its
 * execution time and the plan's scan lines (the full plan of the slowest statements follows).
 */
import { parseArgs } from "node:util";

import pg from "pg";

import { openDatabase } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";
import { newEncryptionKey } from "@/lib/crypto";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { VIEWS } from "@/lib/views";

import { createScratchDatabase } from "./scratch";
import { seedPostgres } from "./views-seed";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    accounts: { type: "string", default: "20" },
    years: { type: "string", default: "3" },
    days: { type: "string", default: "365" },
    views: { type: "string", default: "overview,followers,articles,hourly,shares" },
    "simulator-port": { type: "string", default: "4171" },
    "full-plans": { type: "string", default: "3" },
  },
});
const TODAY = "2026-11-21" as IsoDate;

interface Captured {
  view: string;
  text: string;
  values: unknown[];
}

/** Records the statements run through any pg client while `view` is set. */
function captureStatements() {
  const captured: Captured[] = [];
  let view: string | null = null;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    if (view) {
      const text = typeof first === "string" ? first : first.text;
      const params = (typeof first === "string" ? undefined : first.values) ?? (Array.isArray(second) ? second : []);
      captured.push({ view, text, values: params });
    }
    return original.apply(this, args);
  };
  return {
    captured,
    during: async (name: string, run: () => Promise<unknown>) => {
      view = name;
      try {
        await run();
      } finally {
        view = null;
      }
    },
  };
}

async function main() {
  const adminUrl = values["database-url"];
  if (!adminUrl) throw new Error("--database-url is required");
  const scratch = await createScratchDatabase(adminUrl);
  try {
    const encryptionKey = newEncryptionKey();
    const seeded = await seedPostgres({
      url: scratch.url,
      encryptionKey,
      accounts: Number(values.accounts),
      synced: 1,
      years: Number(values.years),
      today: TODAY,
      simulatorPort: Number(values["simulator-port"]),
      user: { email: "bench@readout.test", password: "bench-password-1" },
    });
    const database = await openDatabase({ databaseUrl: scratch.url, pgliteDir: "", encryptionKey });
    const capture = captureStatements();
    const user: SessionUser = { id: 1, email: "bench@readout.test", name: "", role: "admin", accountIds: seeded.ids };
    const to = addDaysIso(TODAY, -1);
    const from = addDaysIso(to, -(Number(values.days) - 1));
    for (const name of values.views.split(",")) {
      const view = VIEWS[name as "overview"];
      const input = view.schema.parse({ account: String(seeded.ids[0]), from, to });
      await capture.during(name, () => view.load(database, input, user));
    }
    await database.close();

    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    const plans: { view: string; ms: number; plan: string[]; text: string }[] = [];
    for (const s of capture.captured) {
      // Twice: the first run warms the cache, the second is the one reported.
      await client.query(`explain analyze ${s.text}`, s.values);
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`explain analyze ${s.text}`, s.values);
      const plan = rows.map((r) => r["QUERY PLAN"]);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? "")?.[1] ?? NaN);
      plans.push({ view: s.view, ms, plan, text: s.text });
    }
    await client.end();

    console.log(
      `${values.accounts} accounts × ${values.years} years; range ${from}..${to}, account ${seeded.ids[0]}\n`,
    );
    console.log("| view | # | execution ms | scans |\n|---|---|---|---|");
    plans.forEach((p, i) => {
      const scans = p.plan
        .filter((l) => /Scan/.test(l))
        .map((l) =>
          l
            .trim()
            .replace(/^->\s*/, "")
            .replace(/\s+\(cost.*?\)\s*/, " ")
            .replace(/\|/g, "/"),
        )
        .join("<br>");
      console.log(`| ${p.view} | ${i + 1} | ${p.ms.toFixed(1)} | ${scans} |`);
    });
    const total = plans.reduce((n, p) => n + p.ms, 0);
    console.log(`\nTotal execution time of the ${plans.length} statements: ${total.toFixed(1)} ms\n`);
    const slowest = [...plans].sort((a, b) => b.ms - a.ms).slice(0, Number(values["full-plans"]));
    for (const p of slowest)
      console.log(
        `### ${p.view}, ${p.ms.toFixed(1)} ms\n\n\`\`\`sql\n${p.text}\n\`\`\`\n\n\`\`\`\n${p.plan.join("\n")}\n\`\`\`\n`,
      );
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
