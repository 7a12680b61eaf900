"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";

import { useT } from "./i18n";

export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const router = useRouter();
  const [failed, setFailed] = useState<null | "wrong" | "throttled">(null);
  const [busy, setBusy] = useState(false);
  // Controlled: a form action resets its fields, and a wrong password must not cost the email.
  const [email, setEmail] = useState("");
  async function submit(form: FormData) {
    setBusy(true);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(next);
      router.refresh();
    } else setFailed(result?.error === "Throttled" ? "throttled" : "wrong");
  }
  return (
    <main className="login">
      <form action={submit} className="card">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("app.tagline")}</p>
        <label>
          {t("login.email")}
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t("login.password")}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failed ? (
          <p className="error" role="alert">
            {t(failed === "throttled" ? "login.throttled" : "login.failed")}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </form>
    </main>
  );
}
