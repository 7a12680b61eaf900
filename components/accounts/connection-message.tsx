"use client";
import type { ConnectionProblem, ConnectionResult } from "@/lib/accounts/connection";
import { isMessageId } from "@/lib/i18n/messages";

import { useT } from "../i18n";

/** WeChat's problem in plain words, by errcode (with the IP to whitelist for 40164). */
function useExplainWeChat() {
  const t = useT();
  return (p: Pick<ConnectionProblem, "code" | "ip" | "message">) => {
    if (p.code === 40164) return p.ip ? t("admin.wechat.40164", { ip: p.ip }) : t("admin.wechat.40164.noIp");
    const known = `admin.wechat.${p.code}`;
    if (p.code !== null && isMessageId(known)) return t(known);
    if (p.code !== null) return t("admin.wechat.other", { code: p.code, message: p.message });
    return t("admin.wechat.noCode", { message: p.message });
  };
}

/** The answer of "test connection": never holds a token or a secret, only WeChat's verdict. */
export function ConnectionMessage({ result }: { result: ConnectionResult }) {
  const t = useT();
  const explain = useExplainWeChat();
  if (result.ok) {
    return (
      <div className="notice ok" data-testid="connection-result" data-ok="true" aria-live="polite">
        {result.note ? (
          <>
            {t("admin.conn.okNote")} {explain(result.note)}
          </>
        ) : (
          t("admin.conn.ok", { minutes: Math.round(result.expiresIn / 60) })
        )}
      </div>
    );
  }
  return (
    <div
      className="notice error"
      role="alert"
      data-testid="connection-result"
      data-ok="false"
      data-code={result.code ?? ""}
      data-ip={result.ip ?? ""}
    >
      <strong>{t("admin.conn.failed")}</strong> {t(`admin.conn.step.${result.step}`)}{" "}
      <span data-testid="connection-explanation">{explain(result)}</span>
      <details className="small">
        <summary>{t("admin.conn.details")}</summary>
        <code className="wrap">{result.message}</code>
      </details>
    </div>
  );
}
