import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="page" data-testid="not-found">
      <h1>{t("notFound.title")}</h1>
      <p className="muted">{t("notFound.body")}</p>
    </div>
  );
}
