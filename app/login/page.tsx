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
  // Only same-site paths: never send the user elsewhere after signing in.
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return <LoginForm next={next} />;
}
