import { redirect } from "next/navigation";

import { LoginForm } from "@/components/login-form";
import { safeNextPath } from "@/lib/auth/redirects";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-site paths: never send the user elsewhere after signing in. The site's root lands on
  // the portfolio, which sends anyone with a single account on to the overview.
  const asked = safeNextPath((await searchParams).next);
  const next = asked === "/" ? "/portfolio" : asked;
  if (await currentUser()) redirect(next);
  return <LoginForm next={next} />;
}
