import { redirect } from "next/navigation";

import { LoginForm } from "@/components/login-form";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Only same-site paths: never send the user elsewhere after signing in. */
const safeNext = (next: unknown) =>
  typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return <LoginForm next={next} />;
}
