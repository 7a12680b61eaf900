import { AccountsOverview } from "@/components/accounts-overview";

export const dynamic = "force-dynamic";

export default function HomePage() {
  return <AccountsOverview />;
}
