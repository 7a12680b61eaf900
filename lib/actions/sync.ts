"use server";
import { z } from "zod";

import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/access";
import { beijingToday } from "@/lib/clock";
import { getJobQueue } from "@/lib/jobs/queues";
import { startSync } from "@/lib/jobs/sync-jobs";
import { isoDateSchema } from "@/lib/report-params";
import { getSyncContext } from "@/lib/sync/context";
import { recheckEndpoint } from "@/lib/sync/recheck";
import { rangeProblems, syncNowRange } from "@/lib/sync/start";
import { ENDPOINT_NAMES } from "@/lib/wechat/endpoints";

import { authedAction } from "./action";

/**
 * Sync actions: each queues a sync job and answers with its run id at once; a worker runs it
 * and the page follows it through the sync-status view. A second start while one is queued or
 * running is a conflict.
 */

const accountId = z.number().int().positive();
const manage = { right: "manage", of: (i: { accountId: number }) => [i.accountId] } as const;

/** [from, to] must lie between 2014-12-01 and yesterday (Beijing) and span at most a year. */
const rangeInput = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ accountId, from: isoDateSchema, to: isoDateSchema, ...shape }).superRefine((v, ctx) => {
    const problems = rangeProblems(v as { from: string; to: string }, beijingToday());
    for (const field of ["from", "to"] as const)
      for (const message of problems[field]) ctx.addIssue({ code: "custom", path: [field], message });
  });

const start = async (
  user: SessionUser,
  input: {
    accountId: number;
    from: string;
    to: string;
    endpoints?: (typeof ENDPOINT_NAMES)[number][];
  },
) => {
  const ctx = await getSyncContext();
  const run = await startSync(ctx, await getJobQueue(), input);
  await recordAudit(ctx.database, {
    actor: user,
    action: "sync.start",
    target: `account:${input.accountId}`,
    detail: { runId: run.runId, from: run.from, to: run.to, endpoints: input.endpoints ?? "all" },
  });
  return { runId: run.runId, from: run.from, to: run.to };
};

/** From the day after the newest final day (or 30 days back) to yesterday. */
export const syncNow = authedAction(z.object({ accountId }), { accounts: manage }, async (input, { database, user }) =>
  start(user, { accountId: input.accountId, ...(await syncNowRange(database, input.accountId, beijingToday())) }),
);

/** Fetches [from, to] (what is already final is skipped). */
export const backfill = authedAction(rangeInput({}), { accounts: manage }, (input, { user }) => start(user, input));

/** From the completeness grid: what is not final in [from, to], for one interface or all. */
export const fetchMissing = authedAction(
  rangeInput({ endpoint: z.enum(ENDPOINT_NAMES).optional() }),
  { accounts: manage },
  (input, { user }) =>
    start(user, {
      accountId: input.accountId,
      from: input.from,
      to: input.to,
      endpoints: input.endpoint ? [input.endpoint] : undefined,
    }),
);

/** Admins: one call to an interface marked retired; it is reinstated if WeChat answers with data. */
export const recheckRetired = authedAction(
  z.object({ accountId, endpoint: z.enum(ENDPOINT_NAMES) }),
  { role: "admin", accounts: manage },
  async (input) => recheckEndpoint(await getSyncContext(), input.accountId, input.endpoint),
);
