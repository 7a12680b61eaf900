import { getDatabase } from "@/db/client";
import { accountsOverview } from "@/db/queries";

export async function AccountsOverview() {
  const rows = await accountsOverview(await getDatabase());
  return (
    <main>
      <h1>Readout</h1>
      <p className="lead">Article analytics for WeChat Official Accounts</p>
      {rows.length === 0 ? (
        <div className="empty" data-testid="no-accounts">
          No accounts yet. Add one with <code>npm run accounts -- add --name NAME --appid APPID --secret SECRET</code>.
        </div>
      ) : (
        <table data-testid="accounts">
          <thead>
            <tr>
              <th>Account</th>
              <th>AppID</th>
              <th>Last sync</th>
              <th className="num">Final windows</th>
              <th className="num">Pending windows</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td>{a.name}</td>
                <td>{a.appid}</td>
                <td>{a.lastSyncAt ? `${a.lastSyncStatus} · ${a.lastSyncAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never"}</td>
                <td className="num">{a.finalWindows ?? 0}</td>
                <td className="num">{a.pendingWindows ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
