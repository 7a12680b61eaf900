/**
 * The PostgreSQL data of bench:views: `accounts` simulator accounts × `years` of history. The
 * first `synced` accounts are synced from the simulator at 0 ms latency (the real write path);
 * the others get copies of account 1's stored rows under their own id, which is what makes
 * 20 accounts × 3 years take a minute or two instead of half an hour. Views cost the same on a
 * copy: the rows are as many and shaped the same.
 */
import { createAccount } from "@/db/accounts";
import { openDatabase } from "@/db/client";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { httpOptionsFromEnv } from "@/lib/sync/context";
import { createTokenManager, runSync } from "@/lib/sync/runner";
import { createUser } from "@/lib/users/manage";
import { startSimulator } from "@/simulator/server";

/** Tables of fetched figures and their ledger: what a view reads and a copy needs. */
const COPIED = /^(fetch_ledger|endpoint_state|legacy_.*|article_.*|biz_summary|follower_.*)$/;

export async function seedPostgres(args: {
  url: string;
  encryptionKey: string;
  accounts: number;
  synced: number;
  years: number;
  today: IsoDate;
  simulatorPort: number;
  user: { email: string; password: string };
}) {
  const from = addDaysIso(args.today, -Math.round(args.years * 365));
  const to = addDaysIso(args.today, -1);
  const simulator = await startSimulator({
    port: args.simulatorPort,
    accounts: args.accounts,
    today: args.today,
    legacyRetiredOn: "never" as IsoDate,
  });
  const database = await openDatabase({ databaseUrl: args.url, pgliteDir: "", encryptionKey: args.encryptionKey });
  try {
    const ids: number[] = [];
    for (const a of simulator.truth.accounts)
      ids.push(
        (await createAccount(database, { authType: "classic", name: a.name, appid: a.appid, secret: a.secret })).id,
      );
    const http = { ...httpOptionsFromEnv(), baseUrl: simulator.url };
    const ctx = {
      database,
      http,
      tokens: createTokenManager(database, http),
      now: () => new Date(`${args.today}T12:00:00+08:00`),
    };
    const started = Date.now();
    const summaries = await Promise.all(
      ids.slice(0, args.synced).map((accountId) => runSync(ctx, { accountId, from, to, concurrency: 8 })),
    );
    const calls = summaries.reduce((n, s) => n + s.totalCalls, 0);
    console.error(
      `[bench] synced ${args.synced} account(s) ${from}..${to}: ${calls} calls in ${Date.now() - started} ms`,
    );
    await copyAccountRows(args.url, ids[0]!, ids.slice(args.synced));
    await createUser(database, { ...args.user, role: "admin", name: "Bench admin" });
    return { ids, from, to };
  } finally {
    await database.close();
    await simulator.close();
  }
}

async function copyAccountRows(url: string, source: number, targets: number[]) {
  if (targets.length === 0) return;
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; columns: string[] }>(
      `select table_name, array_agg(column_name::text order by ordinal_position) as columns
         from information_schema.columns
        where table_schema = 'public' and is_identity = 'NO' and is_generated = 'NEVER'
          and coalesce(column_default, '') not like 'nextval%'
        group by table_name
       having bool_or(column_name = 'account_id')`,
    );
    const started = Date.now();
    for (const { table_name: table, columns } of rows.filter((r) => COPIED.test(r.table_name))) {
      const list = columns.map((c) => `"${c}"`).join(", ");
      const picked = columns.map((c) => (c === "account_id" ? "t.id" : `s."${c}"`)).join(", ");
      await client.query(
        `insert into "${table}" (${list}) select ${picked} from "${table}" s, unnest($2::int[]) as t(id)
          where s.account_id = $1`,
        [source, targets],
      );
    }
    await client.query("analyze");
    console.error(
      `[bench] copied account ${source}'s rows to ${targets.length} accounts in ${Date.now() - started} ms`,
    );
  } finally {
    await client.end();
  }
}
