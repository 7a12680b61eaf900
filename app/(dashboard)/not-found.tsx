import Link from "next/link";

import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="page not-found" data-testid="not-found">
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
      <p>
        <Link href="/" className="button-link" data-testid="not-found-home">
          {t("ui.goHome")}
        </Link>
      </p>
    </div>
  );
}
