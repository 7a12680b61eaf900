import "server-only";

import { listAccounts } from "@/db/accounts";
import { articles, overview } from "@/db/analytics";
import type { Database } from "@/db/client";
import { listEndpointStops, listFailedRuns } from "@/db/digests";
import { findGroup } from "@/db/groups";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { compareItemId } from "@/lib/views/article-params";
import { loadCompleteness } from "@/lib/views/completeness";
import { readerRankings } from "@/lib/views/history";

import {
  anomaliesOf,
  bestAndWorst,
  type DaySeries,
  daySettled,
  type DigestArticle,
  type DigestContent,
  type Figures,
  keyFigures,
  sumSeries,
  type SyncProblem,
} from "./content";

/** A digest's scope: one account, or a client group. */
export type DigestScope = { accountId: number; groupId: null } | { accountId: null; groupId: number };

/** The accounts of a scope: the account, or the group's members (none if the group is gone). */
export async function scopeAccounts(database: Database, scope: DigestScope) {
  if (scope.accountId !== null) return listAccounts(database, [scope.accountId]);
  const group = await findGroup(database, scope.groupId);
  return group && group.accountIds.length ? listAccounts(database, group.accountIds) : [];
}

const RECENT_MS = 36 * 3_600_000;

/** Days back a digest loads: the 30-day mean before yesterday, and the 28-day anomaly window. */
const HISTORY_DAYS = 30;

/** Is `day` settled for every account of the scope (see daySettled)? */
export async function scopeSettled(database: Database, accountIds: number[], day: IsoDate, today: IsoDate) {
  for (const id of accountIds) {
    const grid = await loadCompleteness(database, id, day, day, today);
    const cells = grid.rows.map((r) => ({ endpoint: r.endpoint, status: r.days[0]!.status }));
    if (!daySettled(cells)) return false;
  }
  return accountIds.length > 0;
}

export async function loadDigestContent(
  database: Database,
  input: { scopeName: string; language: "zh" | "en"; accountIds: number[]; day: IsoDate; today: IsoDate },
): Promise<DigestContent> {
  const { day, today } = input;
  const from = addDaysIso(day, -HISTORY_DAYS);
  const list = await listAccounts(database, input.accountIds);
  const perAccount: { id: number; name: string; series: DaySeries }[] = [];
  for (const account of list) {
    const { days } = await overview(database, { accountId: account.id, from, to: day });
    perAccount.push({ id: account.id, name: account.name, series: new Map(days.map((d) => [d.date, d as Figures])) });
  }
  const series = perAccount.length === 1 ? perAccount[0]!.series : sumSeries(perAccount.map((a) => a.series));
  const names = new Map(list.map((a) => [a.id, a.name]));

  const sent = await articles(database, { accountIds: input.accountIds, from: day, to: day });
  const digestArticles: DigestArticle[] = [];
  for (const a of sent) {
    const article: DigestArticle = {
      accountId: a.accountId,
      accountName: names.get(a.accountId) ?? "",
      msgid: a.msgid,
      title: a.title,
      position: a.position,
      readers: a.readers,
      sharers: a.sharers,
      readRate: a.readRate,
      percentile: null,
    };
    digestArticles.push(article);
  }
  const { best, worst } = bestAndWorst(digestArticles);
  // Readers at the latest day against the account's own articles of the previous 90 days (as on the article page).
  const ranked = [best, worst].filter((a): a is DigestArticle => a !== null);
  const rankings = await readerRankings(
    database,
    ranked.map((a) => ({ accountId: a.accountId, msgid: a.msgid, sendDate: day })),
  );
  for (const a of ranked) {
    const ranking = rankings.get(compareItemId(a));
    a.percentile = ranking ? ranking.percentile : null;
  }

  return {
    day,
    scopeName: input.scopeName,
    language: input.language,
    accountCount: list.length,
    figures: keyFigures(series, day),
    articleCount: digestArticles.length,
    best,
    worst,
    anomalies: perAccount.flatMap((a) => anomaliesOf(a, a.series, day)),
    problems: await syncProblems(database, list, day, today),
  };
}

/**
 * A sync that failed (yesterday's window failed, or a run ended failed since yesterday) and an
 * interface that stopped (retired since yesterday, out of quota yesterday or today).
 */
async function syncProblems(
  database: Database,
  list: readonly { id: number; name: string }[],
  day: IsoDate,
  today: IsoDate,
): Promise<SyncProblem[]> {
  const ids = list.map((a) => a.id);
  const name = (id: number) => list.find((a) => a.id === id)?.name ?? String(id);
  const problems: SyncProblem[] = [];
  for (const account of list) {
    const grid = await loadCompleteness(database, account.id, day, day, today);
    for (const row of grid.rows) {
      const cell = row.days[0];
      if (cell?.status === "failed")
        problems.push({
          accountId: account.id,
          accountName: account.name,
          endpoint: row.endpoint,
          kind: "failed",
          error: cell.error,
        });
    }
  }
  // Stored instants (retired_at, started_at) are wall-clock times: "recently" is the last 36 hours.
  const since = new Date(Date.now() - RECENT_MS);
  for (const run of await listFailedRuns(database, ids, since)) {
    if (problems.some((p) => p.accountId === run.accountId && p.kind === "failed")) continue;
    const fatal = (run.summary as { fatal?: string } | null)?.fatal ?? null;
    problems.push({
      accountId: run.accountId,
      accountName: name(run.accountId),
      endpoint: "",
      kind: "failed",
      error: fatal,
    });
  }
  for (const s of await listEndpointStops(database, ids)) {
    if (s.retiredAt && s.retiredAt >= since)
      problems.push({
        accountId: s.accountId,
        accountName: name(s.accountId),
        endpoint: s.endpoint,
        kind: "retired",
        error: null,
      });
    else if (s.quotaBlockedOn && (s.quotaBlockedOn === day || s.quotaBlockedOn === today))
      problems.push({
        accountId: s.accountId,
        accountName: name(s.accountId),
        endpoint: s.endpoint,
        kind: "quota",
        error: null,
      });
  }
  return problems;
}
