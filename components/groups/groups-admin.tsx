"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { createGroup, deleteGroup, updateGroup } from "@/lib/actions/groups";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction } from "../accounts/use-action";
import { useT } from "../i18n";

export interface GroupRow {
  id: number;
  name: string;
  accountIds: number[];
}
interface AccountOption {
  id: number;
  name: string;
}

/** Admin: client groups (a client, a region) and the accounts in each; an account may be in several. */
export function GroupsAdmin({ groups, accounts }: { groups: GroupRow[]; accounts: AccountOption[] }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{t("groups.title")}</h1>
      <p className="muted">{t("groups.intro")}</p>
      <section className="panel" data-testid="groups-list">
        {groups.length === 0 ? <p className="muted">{t("groups.empty")}</p> : null}
        {groups.map((g) => (
          <GroupEditor key={`${g.id}:${g.accountIds.join(",")}:${g.name}`} group={g} accounts={accounts} />
        ))}
      </section>
      <GroupEditor group={null} accounts={accounts} />
    </div>
  );
}

function GroupEditor({ group, accounts }: { group: GroupRow | null; accounts: AccountOption[] }) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState(group?.name ?? "");
  const [chosen, setChosen] = useState<number[]>(group?.accountIds ?? []);
  const [saved, setSaved] = useState(false);
  const create = useAction(createGroup);
  const update = useAction(updateGroup);
  const remove = useAction(deleteGroup);
  const error = create.error ?? update.error ?? remove.error;
  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = group
      ? await update.run({ id: group.id, name, accountIds: chosen })
      : await create.run({ name, accountIds: chosen });
    if (ok === null) return;
    if (!group) {
      setName("");
      setChosen([]);
    }
    setSaved(true);
    router.refresh();
  }
  const testId = group ? `group-${group.name}` : "group-new";
  return (
    <form className={group ? "group-editor" : "panel group-editor"} onSubmit={save} data-testid={testId}>
      {group ? null : <h2>{t("groups.create")}</h2>}
      <label>
        <span>{t("groups.name")}</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={100}
          data-testid="group-name"
        />
      </label>
      <fieldset>
        <legend>
          {t("groups.accounts")} <span className="muted small">{t("groups.accountsN", { n: chosen.length })}</span>
        </legend>
        <div className="checks">
          {accounts.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={() => toggle(a.id)}
                data-testid={`group-account-${a.id}`}
              />
              {a.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.pending || update.pending} data-testid="group-save">
          {group ? t("groups.save") : t("groups.create")}
        </button>
        {group ? (
          <button
            type="button"
            disabled={remove.pending}
            onClick={async () => {
              if ((await remove.run({ id: group.id })) !== null) router.refresh();
            }}
            data-testid="group-delete"
          >
            {t("groups.delete")}
          </button>
        ) : null}
        {saved ? <span className="muted small">{t("groups.saved")}</span> : null}
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
