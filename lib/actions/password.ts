"use server";
import { recordAudit } from "@/lib/audit";
import { changeOwnPassword } from "@/lib/auth/own-password";
import { ownPasswordChangeSchema } from "@/lib/auth/password-rule";
import { clientIp } from "@/lib/client-ip";

import { authedAction } from "./action";

async function requestIp(): Promise<string> {
  try {
    const { headers } = await import("next/headers");
    return clientIp(await headers());
  } catch {
    return "unknown"; // outside a request (tests)
  }
}

/**
 * Any signed-in user, also one who must still set their own password: the current password and the
 * new one twice. Every session of the user ends; the form signs in again with the new password.
 */
export const changeMyPassword = authedAction(
  ownPasswordChangeSchema,
  { beforeOwnPassword: "allowed" },
  async (input, { database, user }) => {
    const ip = await requestIp();
    const result = await changeOwnPassword(database, { id: user.id, email: user.email, ip }, input);
    await recordAudit(database, {
      actor: user,
      action: "password.change",
      target: `user:${user.id}`,
      detail: { own: true, firstSignIn: result.wasRequired },
      ip,
    });
    return { changed: true };
  },
);
