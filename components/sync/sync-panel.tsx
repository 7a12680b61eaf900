"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { backfill, syncNow } from "@/lib/actions/sync";
import { addDaysIso } from "@/lib/dates";
import type { SyncRunView } from "@/lib/sync/status";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction, useDateTime } from "../accounts/use-action";
import { useSyncStatus } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { Panel } from "../panel";
import { RunBadge } from "./run-badge";

const EARLIEST = "2014-12-01";

/**
 * The account's latest sync run with a live progress bar (polled every second while it runs,
 * read from sync_runs, so it survives a reload), and for managers "Sync now" and "Backfill".
 */
export function SyncPanel({ accountId, canManage, today }: { accountId: number; canManage: boolean; today: string }) {
  const t = useT();
  const when = useDateTime();
  const queryClient = useQueryClient();
  const status = useSyncStatus({ account: accountId });
  const yesterday = addDaysIso(today, -1);
  const [from, setFrom] = useState(addDaysIso(yesterday, -29));
  const [to, setTo] = useState(yesterday);
  const [started, setStarted] = useState<{ runId: number; from: string; to: string } | null>(null);
  const now = useAction(syncNow);
  const fill = useAction(backfill);

  // When a run ends, the completeness grid has news.
  const runStatus = status.data?.run?.status;
  const previous = useRef(runStatus);
  useEffect(() => {
    if (isBusy(previous.current) && !isBusy(runStatus))
      void queryClient.invalidateQueries({ queryKey: ["completeness"] });
    previous.current = runStatus;
  }, [runStatus, queryClient]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["sync-status"] });
  async function startNow() {
    setStarted(await now.run({ accountId }));
    await refresh();
  }
  async function startBackfill(e: React.FormEvent) {
    e.preventDefault();
    setStarted(await fill.run({ accountId, from, to }));
    await refresh();
  }
  const running = isBusy(runStatus);
  const resumable = status.data?.run && (runStatus === "stale" || runStatus === "interrupted") ? status.data.run : null;
  async function resume() {
    if (!resumable) return;
    setStarted(await fill.run({ accountId, from: resumable.from, to: resumable.to }));
    await refresh();
  }
  const daily = status.data?.lastDaily;

  return (
    <Panel title={t("admin.sync.title")} query={status} testId="sync-panel">
      {(d) => (
        <div className="stack">
          {d.run ? (
            <RunProgress run={d.run} />
          ) : (
            <p className="muted" data-testid="sync-none">
              {t("admin.sync.none")}
            </p>
          )}
          {canManage && resumable ? (
            <div className="sync-resume">
              <button type="button" onClick={() => void resume()} disabled={fill.pending} data-testid="sync-resume">
                {t("admin.sync.resume")}
              </button>
              <span className="muted small">{t("admin.sync.resumeHint")}</span>
            </div>
          ) : null}
          {canManage ? (
            <div className="sync-controls">
              <div className="sync-now">
                <button
                  type="button"
                  className="primary"
                  onClick={() => void startNow()}
                  disabled={now.pending || running}
                  data-testid="sync-now"
                >
                  {now.pending ? t("admin.sync.starting") : t("admin.sync.now")}
                </button>
                <span className="muted small">{t("admin.sync.nowHint")}</span>
              </div>
              <form className="backfill" onSubmit={startBackfill} data-testid="backfill-form">
                <strong>{t("admin.sync.backfill")}</strong>
                <label>
                  {t("range.from")}
                  <input
                    type="date"
                    name="from"
                    required
                    min={EARLIEST}
                    max={yesterday}
                    value={from}
                    onChange={(e) => setFrom(e.target.value)}
                  />
                </label>
                <label>
                  {t("range.to")}
                  <input
                    type="date"
                    name="to"
                    required
                    min={EARLIEST}
                    max={yesterday}
                    value={to}
                    onChange={(e) => setTo(e.target.value)}
                  />
                </label>
                <button type="submit" disabled={fill.pending || running} data-testid="backfill-start">
                  {fill.pending ? t("admin.sync.starting") : t("admin.sync.backfillStart")}
                </button>
                <span className="muted small">{t("admin.sync.backfillHint")}</span>
              </form>
              <ErrorNotice error={now.error ?? fill.error} testId="sync-error" />
              {started && !now.error && !fill.error ? (
                <p className="muted small" data-testid="sync-started">
                  {t("admin.sync.started", { id: started.runId, from: started.from, to: started.to })}
                </p>
              ) : null}
            </div>
          ) : (
            <p className="muted small" data-testid="sync-viewer-note">
              {t("admin.sync.viewerNote")}
            </p>
          )}
          <p className="muted small" data-testid="daily-sync">
            {!daily
              ? t("admin.sync.dailyNever")
              : daily.finishedAt
                ? t("admin.sync.daily", { day: daily.day, accounts: daily.accounts, errors: daily.errors })
                : t("admin.sync.dailyRunning", { time: when(daily.startedAt) })}
          </p>
        </div>
      )}
    </Panel>
  );
}

function RunProgress({ run }: { run: SyncRunView }) {
  const t = useT();
  const f = useFormat();
  const when = useDateTime();
  const finished = !isBusy(run.status);
  // Done without a window fetched or a call made: say why rather than show a full green bar.
  const nothing = run.status === "done" && run.windowsDone === 0 && run.calls === 0;
  // A finished run is complete even when retired or out-of-quota interfaces left windows unfetched.
  const share = nothing
    ? 0
    : run.status === "done" || run.status === "doneWithErrors"
      ? 1
      : run.windowsTotal > 0
        ? run.windowsDone / run.windowsTotal
        : 0;
  return (
    <div
      className="run"
      data-testid="sync-progress"
      data-status={run.status}
      data-run={run.id}
      data-done={run.windowsDone}
      data-total={run.windowsTotal}
      data-calls={run.calls}
      data-errors={run.errors}
    >
      <div className="run-head">
        <strong>{t("admin.sync.run", { id: run.id, from: run.from, to: run.to })}</strong>
        <RunBadge status={run.status} errors={run.errors} nothing={nothing} />
      </div>
      <div
        className={`progress run-${nothing ? "nothing" : run.status}`}
        role="progressbar"
        aria-label={t("admin.sync.progress")}
        aria-valuemin={0}
        aria-valuemax={run.windowsTotal}
        aria-valuenow={run.windowsDone}
      >
        <div style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <div className="run-figures small">
        <span>{t("admin.sync.windows", { done: f.number(run.windowsDone), total: f.number(run.windowsTotal) })}</span>
        <span>{t("admin.sync.calls", { calls: f.number(run.calls) })}</span>
        <span className={run.errors > 0 ? "error" : undefined}>
          {t("admin.sync.errors", { errors: f.number(run.errors) })}
        </span>
        <span className="muted">{t("admin.sync.startedAt", { time: when(run.startedAt) })}</span>
        {run.finishedAt ? (
          <span className="muted">{t("admin.sync.finishedAt", { time: when(run.finishedAt) })}</span>
        ) : null}
      </div>
      {nothing ? (
        <p className="notice" data-testid="sync-nothing">
          {run.quotaBlocked.length > 0
            ? t("syncOutcome.quota", { list: run.quotaBlocked.join(", ") })
            : run.retired.length > 0 && !run.daysSkippedFinal
              ? t("syncOutcome.retired", { list: run.retired.join(", ") })
              : run.daysSkippedFinal
                ? t("syncOutcome.final", { days: run.daysSkippedFinal })
                : t("syncOutcome.noDays")}
        </p>
      ) : null}
      {run.fatal ? (
        <div className="notice error" role="alert">
          {t("admin.sync.fatal", { message: run.fatal })}
        </div>
      ) : null}
      {finished && run.retired.length > 0 ? (
        <p className="muted small">{t("admin.sync.retired", { list: run.retired.join(", ") })}</p>
      ) : null}
      {finished && run.quotaBlocked.length > 0 ? (
        <p className="muted small">{t("admin.sync.quota", { list: run.quotaBlocked.join(", ") })}</p>
      ) : null}
      {finished && run.suspended.length > 0 ? (
        <p className="muted small" data-testid="sync-suspended">
          {t("syncStops.suspended", { list: run.suspended.join(", ") })}
        </p>
      ) : null}
      {finished && run.stops.length > 0 ? (
        <details className="small" open data-testid="sync-stops">
          <summary>{t("syncStops.stops")}</summary>
          <ul>
            {run.stops.map((s) => (
              <li key={s.endpoint}>{s.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {finished && run.daysSkippedFinal ? (
        <p className="muted small">{t("admin.sync.skippedFinal", { days: f.number(run.daysSkippedFinal) })}</p>
      ) : null}
      {run.errorSamples.length > 0 ? (
        <details className="small">
          <summary>{t("admin.sync.errorSamples")}</summary>
          <ul>
            {run.errorSamples.map((e, i) => (
              <li key={i}>
                <code>
                  {e.endpoint} {e.beginDate}
                  {e.endDate !== e.beginDate ? `..${e.endDate}` : ""}
                </code>{" "}
                {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** A run that blocks starting another: queued, or running and alive. */
const isBusy = (status: SyncRunView["status"] | undefined) => status === "running" || status === "queued";
