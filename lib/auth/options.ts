import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { getDatabase } from "@/db/client";
import { findLogin } from "@/db/users";

import { verifyPassword } from "./password";
import { resolveAuthSecret } from "./secret";

const SESSION_MAX_AGE_S = 8 * 60 * 60;

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/** Email + password; the session is a signed cookie holding only the user id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const input = credentialsSchema.safeParse(raw);
          if (!input.success) return null;
          const login = await findLogin(await getDatabase(), input.data.email);
          // Verify against a fixed hash when the email is unknown, so timing does not tell.
          const ok = await verifyPassword(login?.passwordHash ?? DUMMY_HASH, input.data.password);
          return login && ok ? { id: String(login.id) } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { sub: user.id } : token),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub } }) as typeof session,
    },
  };
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$2ZK0QIU33JN9G/EhnHdWsw$UYqlgcvIj06udNTeopLQRPjGKs326VVq9STJU02B0uo";
