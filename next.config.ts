import type { NextConfig } from "next";

import { securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships a wasm build that must stay on the server; bundling it breaks queries
  // and would publish the wasm under .next/static.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // Dev servers log server-action arguments by default: those can carry AppSecrets.
  logging: { serverFunctions: false },
  headers: async () => securityHeaders(process.env.NODE_ENV === "development"),
};

export default nextConfig;
