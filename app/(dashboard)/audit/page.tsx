import { AuditLog } from "@/components/audit/audit-log";
import { getDatabase } from "@/db/client";
import { auditFilterSchema, listAudit } from "@/lib/audit";
import { guardPage } from "@/lib/auth/page-guard";

export const dynamic = "force-dynamic";

/** Admin: who did what, when, from where; filtered by action, text and page (all in the URL). */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardPage({ admin: true });
  const parsed = auditFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
  const rows = await listAudit(await getDatabase(), filter);
  return (
    <AuditLog
      filter={filter}
      rows={rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actorEmail ?? "",
        action: r.action,
        target: r.target ?? "",
        detail: JSON.stringify(r.detail),
        ip: r.ip ?? "",
      }))}
    />
  );
}
