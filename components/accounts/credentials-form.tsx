"use client";
import { useState } from "react";

import type { ConnectionResult } from "@/lib/accounts/connection";
import { testConnection, updateCredentials } from "@/lib/actions/accounts";

import { useT } from "../i18n";
import { ConnectionMessage } from "./connection-message";
import {
  type AuthType,
  AuthTypeChoice,
  credentialsInput,
  EMPTY_SECRETS,
  SecretFields,
  secretsFilled,
} from "./credential-fields";
import { ErrorNotice } from "./error-notice";
import { useAction } from "./use-action";

/**
 * Admins and the account's managers: test the stored credentials, or replace them. The stored
 * secrets never reach the browser; the inputs start empty and only ever send new values.
 */
export function CredentialsForm({
  account,
}: {
  account: { id: number; name: string; authType: AuthType; componentAppid: string | null };
}) {
  const t = useT();
  const [authType, setAuthType] = useState<AuthType>(account.authType);
  const [secrets, setSecrets] = useState({ ...EMPTY_SECRETS, componentAppid: account.componentAppid ?? "" });
  const [result, setResult] = useState<ConnectionResult | null>(null);
  const [saved, setSaved] = useState(false);
  const test = useAction(testConnection);
  const save = useAction(updateCredentials);
  const filled = secretsFilled(authType, secrets);
  const credentials = () =>
    credentialsInput(authType, secrets) as NonNullable<Parameters<typeof updateCredentials>[0]["credentials"]>;

  async function runTest(typed: boolean) {
    setResult(null);
    setSaved(false);
    setResult(await test.run({ accountId: account.id, ...(typed ? { credentials: credentials() } : {}) }));
  }
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setResult(null);
    const row = await save.run({ accountId: account.id, credentials: credentials() });
    if (!row) return;
    setSaved(true);
    setSecrets({ ...EMPTY_SECRETS, componentAppid: row.componentAppid ?? "" });
  }

  return (
    <section className="panel" data-testid="credentials">
      <header className="panel-head">
        <h2>{t("admin.detail.credentials")}</h2>
        <button type="button" onClick={() => void runTest(false)} disabled={test.pending} data-testid="test-stored">
          {test.pending ? t("admin.conn.testing") : t("admin.cred.testStored")}
        </button>
      </header>
      <form onSubmit={submit} className="stack" autoComplete="off">
        <p className="muted small">{t("admin.cred.stored")}</p>
        <AuthTypeChoice
          name="cred-auth-type"
          value={authType}
          onChange={(v) => {
            setAuthType(v);
            setResult(null);
          }}
        />
        <div className="form-grid">
          <SecretFields authType={authType} values={secrets} onChange={setSecrets} />
        </div>
        <div className="actions">
          <button
            type="button"
            onClick={() => void runTest(true)}
            disabled={!filled || test.pending}
            data-testid="test-typed"
          >
            {t("admin.conn.testTyped")}
          </button>
          <button type="submit" className="primary" disabled={!filled || save.pending} data-testid="save-credentials">
            {save.pending ? t("admin.cred.saving") : t("admin.cred.save")}
          </button>
        </div>
        {result ? <ConnectionMessage result={result} /> : null}
        <ErrorNotice error={test.error ?? save.error} />
        {saved ? (
          <div className="notice ok" data-testid="credentials-saved">
            {t("admin.cred.saved")}
          </div>
        ) : null}
      </form>
    </section>
  );
}
