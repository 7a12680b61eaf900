export async function register() {
  // Open the database and run migrations once at start-up, not on the first request.
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
