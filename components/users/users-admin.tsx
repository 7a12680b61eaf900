"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { createUser, deleteUser, unlockSignIn, updateUser } from "@/lib/actions/users";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction, useDateTime } from "../accounts/use-action";
import { useT } from "../i18n";

type Role = "admin" | "manager" | "viewer";
const ROLES: Role[] = ["admin", "manager", "viewer"];

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  accountIds: number[];
  /** Until they set their own password, the user can reach nothing but the change-password page. */
  mustChangePassword: boolean;
  /** ISO instant while the user's sign-in is backed off. */
  lockedUntil: string | null;
}
export interface AccountOption {
  id: number;
  name: string;
}

/** Admin: people, their roles and the accounts managers and viewers may see. */
export function UsersAdmin({
  users,
  accounts,
  currentUserId,
}: {
  users: UserRow[];
  accounts: AccountOption[];
  currentUserId: number;
}) {
  const t = useT();
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="page">
      <h1>{t("admin.users.title")}</h1>
      <section className="panel" data-testid="users-list">
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t("admin.users.col.email")}</th>
                <th>{t("admin.users.col.name")}</th>
                <th>{t("admin.users.col.role")}</th>
                <th>{t("admin.users.col.accounts")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) =>
                editing === u.id ? (
                  <EditRow
                    key={u.id}
                    user={u}
                    accounts={accounts}
                    onDone={(message) => {
                      setEditing(null);
                      setNotice(message);
                    }}
                  />
                ) : (
                  <UserLine
                    key={u.id}
                    user={u}
                    accounts={accounts}
                    isSelf={u.id === currentUserId}
                    onEdit={() => setEditing(u.id)}
                    onNotice={setNotice}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
        {notice ? (
          <div className="notice ok" data-testid="users-notice">
            {notice}
          </div>
        ) : null}
      </section>
      <CreateUser accounts={accounts} onCreated={setNotice} />
    </div>
  );
}

function RoleHint({ role }: { role: Role }) {
  const t = useT();
  return <span className="muted small">{t(`admin.role.${role}`)}</span>;
}

function UserLine({
  user,
  accounts,
  isSelf,
  onEdit,
  onNotice,
}: {
  user: UserRow;
  accounts: AccountOption[];
  isSelf: boolean;
  onEdit: () => void;
  onNotice: (m: string | null) => void;
}) {
  const t = useT();
  const router = useRouter();
  const remove = useAction(deleteUser);
  const unlock = useAction(unlockSignIn);
  const dateTime = useDateTime();
  async function runUnlock() {
    if (await unlock.run({ email: user.email })) {
      onNotice(t("security.unlocked", { email: user.email }));
      router.refresh();
    }
  }
  async function runDelete() {
    if (!window.confirm(t("admin.users.deleteConfirm", { email: user.email }))) return;
    if (await remove.run({ id: user.id })) {
      onNotice(t("admin.users.deleted", { email: user.email }));
      router.refresh();
    }
  }
  const names = user.accountIds.map((id) => accounts.find((a) => a.id === id)?.name ?? `#${id}`);
  return (
    <tr data-testid={`user-row-${user.email}`} data-role={user.role}>
      <td>
        {user.email}
        {isSelf ? <span className="badge you">{t("admin.users.you")}</span> : null}
        {user.mustChangePassword ? (
          <div className="muted small" data-testid="user-must-change">
            {t("admin.users.mustChangeBadge")}
          </div>
        ) : null}
        {user.lockedUntil ? (
          <div className="muted small" data-testid="user-locked">
            {t("security.locked", { until: dateTime(user.lockedUntil) })}
          </div>
        ) : null}
      </td>
      <td>{user.name || "–"}</td>
      <td>
        {t(`role.${user.role}`)}
        <br />
        <RoleHint role={user.role} />
      </td>
      <td>
        {user.role === "admin" ? (
          <span className="muted">{t("admin.users.allAccounts")}</span>
        ) : names.length ? (
          names.join(", ")
        ) : (
          <span className="muted">{t("admin.users.noAccounts")}</span>
        )}
      </td>
      <td className="row-actions">
        <button type="button" onClick={onEdit} data-testid="user-edit">
          {t("admin.users.edit")}
        </button>
        {user.lockedUntil ? (
          <button type="button" onClick={() => void runUnlock()} disabled={unlock.pending} data-testid="user-unlock">
            {t("security.unlock")}
          </button>
        ) : null}
        {!isSelf ? (
          <button
            type="button"
            className="danger"
            onClick={() => void runDelete()}
            disabled={remove.pending}
            data-testid="user-delete"
          >
            {t("admin.users.delete")}
          </button>
        ) : null}
        <ErrorNotice error={remove.error ?? unlock.error} />
      </td>
    </tr>
  );
}

function AccountChecks({
  accounts,
  value,
  onChange,
  disabled,
}: {
  accounts: AccountOption[];
  value: number[];
  onChange: (v: number[]) => void;
  disabled: boolean;
}) {
  const t = useT();
  if (disabled) return <span className="muted small">{t("admin.users.allAccounts")}</span>;
  return (
    <span className="checks">
      {accounts.map((a) => (
        <label key={a.id}>
          <input
            type="checkbox"
            name="accountIds"
            value={a.id}
            checked={value.includes(a.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, a.id] : value.filter((id) => id !== a.id))}
          />
          {a.name}
        </label>
      ))}
    </span>
  );
}

function MustChangeCheck({
  label,
  value,
  onChange,
}: {
  label: "admin.users.mustChange" | "admin.users.mustChangeAgain";
  value: boolean;
  onChange: (v: boolean) => void;
}) {
  const t = useT();
  return (
    <label className="small block">
      <input type="checkbox" name="mustChangePassword" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {t(label)}
    </label>
  );
}

function RoleSelect({ value, onChange }: { value: Role; onChange: (r: Role) => void }) {
  const t = useT();
  return (
    <select name="role" value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function EditRow({
  user,
  accounts,
  onDone,
}: {
  user: UserRow;
  accounts: AccountOption[];
  onDone: (message: string | null) => void;
}) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [accountIds, setAccountIds] = useState(user.accountIds);
  const [password, setPassword] = useState("");
  const [mustChangePassword, setMustChangePassword] = useState(true);
  const save = useAction(updateUser);
  async function submit() {
    const ok = await save.run({
      id: user.id,
      name,
      role,
      accountIds: role === "admin" ? [] : accountIds,
      ...(password ? { password, mustChangePassword } : {}),
    });
    if (!ok) return;
    onDone(t("admin.users.saved", { email: user.email }));
    router.refresh();
  }
  return (
    <tr className="editing" data-testid={`user-edit-row-${user.email}`}>
      <td>{user.email}</td>
      <td>
        <input
          name="name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          aria-label={t("admin.users.field.name")}
        />
      </td>
      <td>
        <RoleSelect value={role} onChange={setRole} />
        <br />
        <RoleHint role={role} />
      </td>
      <td>
        <AccountChecks accounts={accounts} value={accountIds} onChange={setAccountIds} disabled={role === "admin"} />
        <label className="small block">
          {t("admin.users.newPassword")}
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {password ? (
          <MustChangeCheck
            label="admin.users.mustChangeAgain"
            value={mustChangePassword}
            onChange={setMustChangePassword}
          />
        ) : null}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="primary"
          onClick={() => void submit()}
          disabled={save.pending || (password !== "" && password.length < MIN_PASSWORD_LENGTH)}
          data-testid="user-save"
        >
          {t("admin.users.save")}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t("admin.users.cancel")}
        </button>
        <ErrorNotice error={save.error} testId="user-save-error" />
      </td>
    </tr>
  );
}

function CreateUser({ accounts, onCreated }: { accounts: AccountOption[]; onCreated: (message: string) => void }) {
  const t = useT();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [accountIds, setAccountIds] = useState<number[]>([]);
  const [mustChangePassword, setMustChangePassword] = useState(true);
  const create = useAction(createUser);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const row = await create.run({
      email,
      name,
      password,
      role,
      mustChangePassword,
      accountIds: role === "admin" ? [] : accountIds,
    });
    if (!row) return;
    onCreated(t("admin.users.created", { email: row.email }));
    setEmail("");
    setName("");
    setPassword("");
    setAccountIds([]);
    router.refresh();
  }
  return (
    <section className="panel" data-testid="create-user">
      <header className="panel-head">
        <h2>{t("admin.users.add")}</h2>
      </header>
      <form onSubmit={submit} className="stack" autoComplete="off">
        <div className="form-grid top">
          <label>
            {t("admin.users.field.email")}
            <input type="email" name="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label>
            {t("admin.users.field.name")}
            <input name="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            {t("admin.users.field.password")}
            <input
              type="password"
              name="password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <span className="muted small">{t("admin.users.passwordHint", { min: MIN_PASSWORD_LENGTH })}</span>
          </label>
          <label>
            {t("admin.users.field.role")}
            <RoleSelect value={role} onChange={setRole} />
            <RoleHint role={role} />
          </label>
        </div>
        <MustChangeCheck label="admin.users.mustChange" value={mustChangePassword} onChange={setMustChangePassword} />
        <fieldset className="account-checks">
          <legend>{t("admin.users.field.accounts")}</legend>
          <AccountChecks accounts={accounts} value={accountIds} onChange={setAccountIds} disabled={role === "admin"} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={create.pending} data-testid="create-user-submit">
            {create.pending ? t("admin.users.creating") : t("admin.users.create")}
          </button>
        </div>
        <ErrorNotice error={create.error} testId="create-user-error" />
      </form>
    </section>
  );
}
