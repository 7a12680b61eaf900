import { parseArgs } from "node:util";

import { getDatabase } from "@/db/client";
import { createAccount } from "@/lib/accounts/manage";
import { listAccounts } from "@/lib/accounts/queries";
import { newAccountSchema } from "@/lib/accounts/schemas";

import { runCli, UsageError } from "./cli";

const USAGE = `usage:
  npm run accounts -- add --name NAME --appid APPID --secret SECRET [--stable]
  npm run accounts -- add --name NAME --appid APPID --component-appid ID --component-secret S \\
                          --component-ticket T --refresh-token R
  npm run accounts -- list`;

void runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      appid: { type: "string" },
      secret: { type: "string" },
      stable: { type: "boolean", default: false },
      "component-appid": { type: "string" },
      "component-secret": { type: "string" },
      "component-ticket": { type: "string" },
      "refresh-token": { type: "string" },
    },
  });
  const command = positionals[0];
  const database = await getDatabase();
  if (command === "list") {
    const rows = await listAccounts(database);
    if (rows.length === 0) console.log("no accounts yet");
    for (const a of rows) console.log(`${a.id}\t${a.appid}\t${a.authType}\t${a.name}`);
    return;
  }
  if (command !== "add") throw new UsageError(USAGE);
  const input = values["component-appid"]
    ? {
        authType: "component" as const,
        name: values.name,
        appid: values.appid,
        componentAppid: values["component-appid"],
        componentSecret: values["component-secret"],
        componentVerifyTicket: values["component-ticket"],
        authorizerRefreshToken: values["refresh-token"],
      }
    : {
        authType: values.stable ? ("stable" as const) : ("classic" as const),
        name: values.name,
        appid: values.appid,
        secret: values.secret,
      };
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  --${String(i.path[0] ?? "")}: ${i.message}`).join("\n");
    throw new UsageError(`${problems}\n${USAGE}`);
  }
  // An AppID already added is refused with a message that names it.
  const account = await createAccount(database, parsed.data);
  console.log(`added account ${account.id}: ${account.appid} (${account.name})`);
});
