"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { addDestination, createDigest, deleteDigest, removeDestination, sendTestDigest } from "@/lib/actions/digests";
import type { DigestListItem } from "@/lib/digests/manage";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction, useDateTime } from "../accounts/use-action";
import { useT } from "../i18n";
import { ScrollRegion } from "../scroll-region";

type Kind = "wecom" | "feishu" | "dingtalk" | "email";
const KINDS: Kind[] = ["wecom", "feishu", "dingtalk", "email"];
type DestinationInput = Parameters<typeof addDestination>[0]["destination"];
type Scope = { id: number; name: string };

/** Morning digests the user may manage: create one, add destinations, Send test, the sends' outcomes. */
export function DigestsPage({
  digests,
  accounts,
  groups,
}: {
  digests: DigestListItem[];
  accounts: Scope[];
  /** Groups the user may schedule a digest for (admins only). */
  groups: Scope[];
}) {
  const t = useT();
  return (
    <div className="page" data-testid="digests-page">
      <h1>{t("digests.title")}</h1>
      <p className="muted">{t("digests.intro")}</p>
      {digests.length === 0 ? <div className="notice">{t("digests.none")}</div> : null}
      {digests.map((d) => (
        <DigestPanel key={d.id} digest={d} />
      ))}
      {accounts.length > 0 ? <NewDigest accounts={accounts} groups={groups} /> : null}
    </div>
  );
}

function DigestPanel({ digest }: { digest: DigestListItem }) {
  const t = useT();
  const router = useRouter();
  const remove = useAction(deleteDigest);
  const scope = digest.accountName ?? t("scope.group", { name: digest.groupName ?? `#${digest.groupId}` });
  return (
    <section className="panel" data-testid={`digest-${digest.id}`}>
      <header className="panel-head">
        <h2>
          {digest.name}{" "}
          <span className="muted small">
            · {scope} · {t(`digests.language.${digest.language}`)}
          </span>
        </h2>
        <div className="panel-actions">
          <button
            type="button"
            className="link"
            onClick={async () => {
              if (await remove.run({ digestId: digest.id })) router.refresh();
            }}
          >
            {t("digests.delete")}
          </button>
        </div>
      </header>
      <ErrorNotice error={remove.error} />
      <h3>{t("digests.destinations")}</h3>
      {digest.destinations.length === 0 ? <p className="muted">{t("digests.noDestinations")}</p> : null}
      <ul className="digest-destinations">
        {digest.destinations.map((x) => (
          <DestinationLine key={x.id} destination={x} />
        ))}
      </ul>
      <AddDestination digestId={digest.id} />
      <h3>{t("digests.sends")}</h3>
      <SendsTable digest={digest} />
    </section>
  );
}

function DestinationLine({ destination }: { destination: DigestListItem["destinations"][number] }) {
  const t = useT();
  const router = useRouter();
  const test = useAction(sendTestDigest);
  const remove = useAction(removeDestination);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  return (
    <li data-testid={`destination-${destination.id}`}>
      <span className="badge">{t(`digests.kind.${destination.kind}`)}</span> {destination.label}
      {destination.emails ? <span className="muted small"> {destination.emails}</span> : null}
      {destination.signed ? <span className="muted small"> · {t("digests.signed")}</span> : null}{" "}
      <button
        type="button"
        disabled={test.pending}
        onClick={async () => {
          setOutcome(null);
          setOutcome(await test.run({ destinationId: destination.id }));
        }}
      >
        {t("digests.sendTest")}
      </button>{" "}
      <button
        type="button"
        className="link"
        onClick={async () => {
          if (await remove.run({ destinationId: destination.id })) router.refresh();
        }}
      >
        {t("digests.removeDestination")}
      </button>
      {outcome?.ok ? (
        <div className="notice ok" role="status" data-testid="test-outcome">
          {t("digests.testSent")}
        </div>
      ) : null}
      {outcome && !outcome.ok ? (
        <div className="notice error" role="alert" data-testid="test-outcome">
          {t("digests.testFailed", { error: outcome.error })}
        </div>
      ) : null}
      <ErrorNotice error={test.error ?? remove.error} />
    </li>
  );
}

function DestinationFields({
  value,
  onChange,
}: {
  value: { kind: Kind; label: string; url: string; secret: string; emails: string };
  onChange: (v: { kind: Kind; label: string; url: string; secret: string; emails: string }) => void;
}) {
  const t = useT();
  const set = (patch: Partial<typeof value>) => onChange({ ...value, ...patch });
  return (
    <div className="form-grid">
      <label>
        {t("digests.kind")}
        <select name="kind" value={value.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`digests.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("digests.label")}
        <input name="label" maxLength={60} value={value.label} onChange={(e) => set({ label: e.target.value })} />
      </label>
      {value.kind === "email" ? (
        <label>
          {t("digests.emails")}
          <input name="emails" value={value.emails} onChange={(e) => set({ emails: e.target.value })} />
        </label>
      ) : (
        <label>
          {t("digests.url")}
          <input name="url" type="url" value={value.url} onChange={(e) => set({ url: e.target.value })} />
        </label>
      )}
      {value.kind === "feishu" || value.kind === "dingtalk" ? (
        <label>
          {t("digests.secret")}
          <input
            name="secret"
            type="password"
            autoComplete="off"
            value={value.secret}
            onChange={(e) => set({ secret: e.target.value })}
          />
        </label>
      ) : null}
    </div>
  );
}

const EMPTY = { kind: "wecom" as Kind, label: "", url: "", secret: "", emails: "" };

function toInput(v: typeof EMPTY): DestinationInput {
  if (v.kind === "email")
    return {
      kind: "email",
      label: v.label,
      emails: v.emails
        .split(/[,;\s]+/)
        .map((e) => e.trim())
        .filter(Boolean),
    };
  if (v.kind === "wecom") return { kind: "wecom", label: v.label, url: v.url };
  return { kind: v.kind, label: v.label, url: v.url, secret: v.secret || undefined };
}

function AddDestination({ digestId }: { digestId: number }) {
  const t = useT();
  const router = useRouter();
  const [value, setValue] = useState(EMPTY);
  const add = useAction(addDestination);
  return (
    <form
      className="stack"
      data-testid="add-destination"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await add.run({ digestId, destination: toInput(value) })) {
          setValue(EMPTY);
          router.refresh();
        }
      }}
    >
      <DestinationFields value={value} onChange={setValue} />
      <div>
        <button type="submit" disabled={add.pending}>
          {t("digests.addDestination")}
        </button>
      </div>
      <ErrorNotice error={add.error} />
    </form>
  );
}

function SendsTable({ digest }: { digest: DigestListItem }) {
  const t = useT();
  const when = useDateTime();
  if (digest.sends.length === 0) return <p className="muted">{t("digests.noSends")}</p>;
  const destination = (id: number) => {
    const d = digest.destinations.find((x) => x.id === id);
    return d ? `${t(`digests.kind.${d.kind}`)} ${d.label}` : `#${id}`;
  };
  return (
    <ScrollRegion label={t("digests.sends")}>
      <table data-testid="digest-sends">
        <thead>
          <tr>
            <th>{t("digests.col.day")}</th>
            <th>{t("digests.col.destination")}</th>
            <th>{t("digests.col.status")}</th>
            <th>{t("digests.col.attempts")}</th>
            <th>{t("digests.col.sentAt")}</th>
            <th>{t("digests.col.error")}</th>
          </tr>
        </thead>
        <tbody>
          {digest.sends.map((s) => (
            <tr key={s.id} data-status={s.status}>
              <td>{s.day}</td>
              <td>{destination(s.destinationId)}</td>
              <td>{t(`digests.status.${s.status}`)}</td>
              <td>{s.attempts}</td>
              <td>{when(s.sentAt)}</td>
              <td className="small">{s.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function NewDigest({ accounts, groups }: { accounts: Scope[]; groups: Scope[] }) {
  const t = useT();
  const router = useRouter();
  const [scope, setScope] = useState(`account:${accounts[0]!.id}`);
  const [name, setName] = useState("");
  const [language, setLanguage] = useState<"zh" | "en">("zh");
  const [destination, setDestination] = useState(EMPTY);
  const create = useAction(createDigest);
  const filled = destination.kind === "email" ? destination.emails.trim() !== "" : destination.url.trim() !== "";
  return (
    <section className="panel" data-testid="new-digest">
      <header className="panel-head">
        <h2>{t("digests.new")}</h2>
      </header>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          const [kind, id] = [scope.split(":")[0], Number(scope.split(":")[1])];
          const scopeName = (kind === "group" ? groups : accounts).find((s) => s.id === id)?.name ?? "";
          const ok = await create.run({
            name: name.trim() || scopeName,
            ...(kind === "group" ? { groupId: id } : { accountId: id }),
            language,
            destinations: filled ? [toInput(destination)] : [],
          });
          if (ok) {
            setName("");
            setDestination(EMPTY);
            router.refresh();
          }
        }}
      >
        <div className="form-grid">
          <label>
            {t("digests.account")}
            <select name="account" value={scope} onChange={(e) => setScope(e.target.value)}>
              {accounts.map((a) => (
                <option key={a.id} value={`account:${a.id}`}>
                  {a.name}
                </option>
              ))}
              {groups.map((g) => (
                <option key={`g${g.id}`} value={`group:${g.id}`}>
                  {t("scope.group", { name: g.name })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("digests.name")}
            <input name="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t("digests.language")}
            <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as "zh" | "en")}>
              <option value="zh">{t("digests.language.zh")}</option>
              <option value="en">{t("digests.language.en")}</option>
            </select>
          </label>
        </div>
        <DestinationFields value={destination} onChange={setDestination} />
        <div>
          <button type="submit" disabled={create.pending}>
            {t("digests.create")}
          </button>
        </div>
        <ErrorNotice error={create.error} />
      </form>
    </section>
  );
}
