import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";

import { findAccountByAppid } from "@/db/accounts";
import { beijingYesterday } from "@/lib/clock";
import { isIsoDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { getSyncContext } from "@/lib/sync/context";
import { describeOutsideRows, describeSkipped, SYNC_EXIT, syncExitStatus } from "@/lib/sync/notices";
import { runSync } from "@/lib/sync/runner";

import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run sync -- --account APPID --from YYYY-MM-DD --to YYYY-MM-DD|yesterday [--concurrency N]";

void runCli(async () => {
  const { values } = parseArgs({
    options: {
      account: { type: "string" },
      from: { type: "string" },
      to: { type: "string", default: "yesterday" },
      concurrency: { type: "string" },
    },
  });
  const to = values.to === "yesterday" ? beijingYesterday() : values.to;
  if (!values.account || !values.from) throw new UsageError(USAGE);
  if (!isIsoDate(values.from)) throw new UsageError(`--from must be a date like 2026-01-31, got "${values.from}"`);
  if (!to || !isIsoDate(to))
    throw new UsageError(`--to must be a date like 2026-01-31 or "yesterday", got "${values.to}"`);
  if (values.from > to) throw new UsageError(`--from (${values.from}) is after --to (${to})`);
  const concurrency = values.concurrency === undefined ? env().SYNC_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    throw new UsageError("--concurrency must be a whole number from 1 to 32");
  }

  const ctx = await getSyncContext();
  const account = await findAccountByAppid(ctx.database, values.account);
  if (!account) throw new Error(`No account with AppID ${values.account}. Add it with: npm run accounts -- add ...`);

  const started = Date.now();
  const bar = process.stderr.isTTY
    ? new SingleBar({
        stream: process.stderr,
        format: "{bar} {value}/{total} windows | calls {calls} | errors {errors} | ETA {eta_formatted}",
        etaBuffer: 50,
      })
    : null;
  bar?.start(1, 0, { calls: 0, errors: 0 });
  const summary = await runSync(ctx, {
    accountId: account.id,
    from: values.from,
    to,
    concurrency,
    onProgress: (p) => {
      bar?.setTotal(Math.max(1, p.windowsTotal));
      bar?.update(p.windowsDone, { calls: p.calls, errors: p.errors });
    },
  }).finally(() => bar?.stop());

  for (const e of summary.errors.slice(0, 10))
    console.error(`failed: ${e.endpoint} ${e.beginDate}..${e.endDate}: ${e.message}`);
  if (summary.errors.length > 10) console.error(`... and ${summary.errors.length - 10} more failed windows`);
  for (const o of summary.outsideWindow.slice(0, 10)) console.error(`note: ${describeOutsideRows(o)}`);
  if (summary.outsideWindow.length > 10)
    console.error(`... and ${summary.outsideWindow.length - 10} more windows with rows for other dates`);
  for (const s of summary.stops) console.error(`stopped: ${s.message}`);
  for (const line of describeSkipped(summary)) console.error(`skipped: ${line}`);
  if (summary.fatal) console.error(`stopped: ${summary.fatal}`);
  console.log(
    JSON.stringify({
      account: account.appid,
      ...summary,
      errors: summary.errors.length,
      outsideWindow: undefined,
      wallMs: Date.now() - started,
    }),
  );
  const status = syncExitStatus(summary);
  if (status === SYNC_EXIT.incomplete)
    console.error("incomplete: WeChat stopped some interfaces (above); the next sync continues where this one ended.");
  return status;
});
