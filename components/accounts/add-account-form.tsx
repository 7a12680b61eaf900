"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import type { ConnectionResult } from "@/lib/accounts/connection";
import { createAccount, testNewConnection } from "@/lib/actions/accounts";

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

/** Admin: a new Official Account, with "test connection" before it is saved. */
export function AddAccountForm() {
  const t = useT();
  const router = useRouter();
  const [authType, setAuthType] = useState<AuthType>("classic");
  const [name, setName] = useState("");
  const [appid, setAppid] = useState("");
  const [secrets, setSecrets] = useState(EMPTY_SECRETS);
  const [tested, setTested] = useState<ConnectionResult | null>(null);
  const [added, setAdded] = useState<{ id: number; name: string } | null>(null);
  const create = useAction(createAccount);
  const test = useAction(testNewConnection);

  const input = () =>
    ({ name: name.trim(), appid: appid.trim(), ...credentialsInput(authType, secrets) }) as Parameters<
      typeof createAccount
    >[0];
  const complete = name.trim() !== "" && appid.trim() !== "" && secretsFilled(authType, secrets);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const row = await create.run(input());
    if (!row) return;
    setAdded({ id: row.id, name: row.name });
    setName("");
    setAppid("");
    setSecrets(EMPTY_SECRETS);
    setTested(null);
    router.refresh();
  }

  async function runTest() {
    setTested(null);
    setTested(await test.run(input()));
  }

  return (
    <section className="panel" data-testid="add-account">
      <header className="panel-head">
        <h2>{t("admin.add.title")}</h2>
      </header>
      <form onSubmit={submit} className="stack" autoComplete="off">
        <AuthTypeChoice
          name="add-auth-type"
          value={authType}
          onChange={(v) => {
            setAuthType(v);
            setTested(null);
          }}
        />
        <div className="form-grid">
          <label>
            {t("admin.field.name")}
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t("admin.field.appid")}
            <input
              name="appid"
              required
              pattern="wx[0-9a-zA-Z]{10,30}"
              placeholder="wx0123456789abcdef"
              spellCheck={false}
              value={appid}
              onChange={(e) => setAppid(e.target.value)}
            />
          </label>
          <SecretFields
            authType={authType}
            values={secrets}
            onChange={(v) => {
              setSecrets(v);
              setTested(null);
            }}
          />
        </div>
        <p className="muted small">{t("admin.add.hint")}</p>
        <div className="actions">
          <button
            type="button"
            onClick={() => void runTest()}
            disabled={!complete || test.pending}
            data-testid="add-test"
          >
            {test.pending ? t("admin.conn.testing") : t("admin.conn.test")}
          </button>
          <button type="submit" className="primary" disabled={!complete || create.pending} data-testid="add-submit">
            {create.pending ? t("admin.add.adding") : t("admin.add.submit")}
          </button>
        </div>
        {tested ? <ConnectionMessage result={tested} /> : null}
        <ErrorNotice error={test.error ?? create.error} />
        {added ? (
          <div className="notice ok" data-testid="add-done">
            <Link href={`/accounts/${added.id}`}>{t("admin.add.done", { name: added.name })}</Link>
          </div>
        ) : null}
      </form>
    </section>
  );
}
