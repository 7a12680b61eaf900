"use client";
import { ArticlesReport } from "../articles/articles-report";
import { HourlyReport } from "../hourly/hourly-report";
import { useT } from "../i18n";
import { OverviewReport } from "../overview/overview-report";
import { SharesReport } from "../shares/shares-report";
import { type AccountOption, type GroupOption, ReportProvider } from "../shell/report-context";
import { ShareProvider } from "./share-context";

const REPORTS = { overview: OverviewReport, articles: ArticlesReport, hourly: HourlyReport, shares: SharesReport };

/** A shared link's page: exactly one report view, read-only, with no navigation and no other accounts. */
export function SharedReport({
  token,
  view,
  today,
  accounts,
  group,
  from,
  to,
  expiresAt,
}: {
  token: string;
  view: keyof typeof REPORTS;
  today: string;
  accounts: AccountOption[];
  group: GroupOption | null;
  from: string;
  to: string;
  expiresAt: string;
}) {
  const t = useT();
  const Report = REPORTS[view];
  const scope = group ? group.name : accounts.map((a) => a.name).join(", ");
  return (
    <ReportProvider value={{ today, accounts, groups: group ? [group] : [], role: "viewer" }}>
      <ShareProvider token={token}>
        <main className="shared-view" data-testid="shared-view">
          <p className="shared-banner" data-testid="shared-banner">
            {t("share.readOnly", { scope, from, to, expires: expiresAt.slice(0, 10) })}
          </p>
          <Report />
        </main>
      </ShareProvider>
    </ReportProvider>
  );
}

export function SharedRefused() {
  const t = useT();
  return (
    <main className="shared-view" data-testid="share-refused">
      <h1>{t("share.refused")}</h1>
      <p>{t("share.refusedText")}</p>
    </main>
  );
}
