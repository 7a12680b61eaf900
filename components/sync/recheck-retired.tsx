"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { recheckRetired } from "@/lib/actions/sync";
import type { EndpointName } from "@/lib/wechat/endpoints";

import { useAction } from "../accounts/use-action";
import { useT } from "../i18n";

/** Admins: one call to an interface marked retired; reinstated if WeChat answers with data. */
export function RecheckRetired({ accountId, endpoint }: { accountId: number; endpoint: EndpointName }) {
  const t = useT();
  const queryClient = useQueryClient();
  const action = useAction(recheckRetired);
  const [outcome, setOutcome] = useState<string | null>(null);
  const recheck = async () => {
    const result = await action.run({ accountId, endpoint });
    if (!result) return;
    setOutcome(
      result.answering
        ? t("syncStops.recheckAnswering", { endpoint })
        : t("syncStops.recheckStillOffline", { endpoint }),
    );
    await queryClient.invalidateQueries();
  };
  return (
    <span className="small">
      {" "}
      <button
        type="button"
        className="link"
        disabled={action.pending}
        onClick={() => void recheck()}
        data-testid={`recheck-${endpoint}`}
      >
        {t("syncStops.recheck", { endpoint })}
      </button>
      {outcome ? <span role="status"> {outcome}</span> : null}
      {action.error ? <span role="alert"> {action.error.message}</span> : null}
    </span>
  );
}
