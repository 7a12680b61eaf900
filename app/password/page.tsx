import { ChangePasswordForm } from "@/components/users/change-password-form";
import { requireSignedIn } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Every signed-in user's own password. Outside the dashboard layout: a user who must set their own
 * password first is sent here by every other page and can reach nothing else until they have.
 */
export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  return <ChangePasswordForm email={user.email} required={user.mustChangePassword === true} />;
}
