import "../../portfolio.css";

import { redirect } from "next/navigation";

import { PortfolioReport } from "@/components/portfolio/portfolio-report";
import { guardPage } from "@/lib/auth/page-guard";

/** The first screen of anyone who may see more than one account; with one account, the overview is. */
export default async function PortfolioPage() {
  const user = await guardPage();
  if (user.accountIds.length < 2) redirect("/");
  return <PortfolioReport />;
}
