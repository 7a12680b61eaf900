"use client";
import { useT } from "../i18n";

/** Which datacube generation has an article: legacy (getarticletotal), new (getarticletotaldetail) or both. */
export function GenerationBadge({ generation }: { generation: "legacy" | "new" | "both" }) {
  const t = useT();
  return (
    <span
      className={`badge gen-${generation}`}
      title={t(`articles.generation.${generation}.hint`)}
      data-generation={generation}
    >
      {t(`articles.generation.${generation}`)}
    </span>
  );
}
