import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/options";

function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  // next-auth v4's App Router overload is typed loosely (`any`).
  const route = NextAuth(authOptions()) as (r: Request, c: typeof context) => Promise<Response>;
  return route(request, context);
}

export { handler as GET, handler as POST };
