"use client";
import { useRouter } from "next/navigation";

import { deleteAccount } from "@/lib/actions/accounts";

import { useT } from "../i18n";
import { ErrorNotice } from "./error-notice";
import { useAction } from "./use-action";

/** Admin: deletes the account and everything fetched for it, after a confirmation. */
export function DeleteAccount({ account }: { account: { id: number; name: string } }) {
  const t = useT();
  const router = useRouter();
  const remove = useAction(deleteAccount);
  async function run() {
    if (!window.confirm(t("admin.delete.confirm", { name: account.name }))) return;
    if (await remove.run({ accountId: account.id })) {
      router.push("/accounts");
      router.refresh();
    }
  }
  return (
    <section className="panel danger" data-testid="delete-account">
      <header className="panel-head">
        <h2>{t("admin.delete.title")}</h2>
      </header>
      <p className="muted small">{t("admin.delete.hint")}</p>
      <button type="button" className="danger" onClick={() => void run()} disabled={remove.pending}>
        {t("admin.delete.button")}
      </button>
      <ErrorNotice error={remove.error} />
    </section>
  );
}
