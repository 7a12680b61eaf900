"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn, signOut } from "next-auth/react";
import { useState } from "react";

import { changeMyPassword } from "@/lib/actions/password";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction } from "../accounts/use-action";
import { useT } from "../i18n";

/**
 * The signed-in user's own password: current, new, new again. The change ends every session of the
 * user, this one too, so the form signs in again with the new password and goes on to the app.
 */
export function ChangePasswordForm({ email, required }: { email: string; required: boolean }) {
  const t = useT();
  const router = useRouter();
  const change = useAction(changeMyPassword);
  const [done, setDone] = useState(false);
  const [fields, setFields] = useState({ currentPassword: "", newPassword: "", confirmPassword: "" });
  const field = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!(await change.run(fields))) return;
    setDone(true);
    const again = await signIn("credentials", { email, password: fields.newPassword, redirect: false });
    if (!again?.ok || again.error) return router.replace("/login");
    router.replace("/");
    router.refresh();
  }
  return (
    <main className="login">
      <form onSubmit={submit} className="card" data-testid="change-password">
        <h1>{t("password.title")}</h1>
        <p className="muted">{email}</p>
        {required ? (
          <p className="notice" data-testid="password-required">
            {t("password.firstSignIn")}
          </p>
        ) : null}
        <label>
          {t("password.current")}
          <input type="password" autoComplete="current-password" required {...field("currentPassword")} />
        </label>
        <label>
          {t("password.new")}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            {...field("newPassword")}
          />
          <span className="muted small">{t("password.hint", { min: MIN_PASSWORD_LENGTH })}</span>
        </label>
        <label>
          {t("password.confirm")}
          <input type="password" autoComplete="new-password" required {...field("confirmPassword")} />
        </label>
        <ErrorNotice error={change.error} testId="change-password-error" />
        {done ? (
          <p className="notice ok" role="status">
            {t("password.done")}
          </p>
        ) : null}
        <button
          type="submit"
          className="primary"
          disabled={change.pending || done}
          data-testid="change-password-submit"
        >
          {change.pending ? t("password.saving") : t("password.submit")}
        </button>
        {required ? (
          <button type="button" className="link" onClick={() => void signOut({ callbackUrl: "/login" })}>
            {t("password.signOut")}
          </button>
        ) : (
          <Link href="/">{t("password.back")}</Link>
        )}
      </form>
    </main>
  );
}
