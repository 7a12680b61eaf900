import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";

import { E2E } from "./env";

/**
 * Start and stop of the built app, on its own port (E2E_PORT + 100) and data folder: refusals
 * before "Ready", a clean PGlite shutdown on SIGTERM, malformed server-action bodies answered 4xx
 * without a stack in the log.
 */
const PORT = E2E.port + 100;
const BASE = `http://127.0.0.1:${PORT}`;

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The exit code, or the signal that killed the process (a server that did not handle it). */
  ended: Promise<Ended>;
}

function start(command: string, args: string[], env: Record<string, string>): Server {
  const child = spawn(command, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DAILY_SYNC: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const ended = new Promise<Ended>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited: ended.then((e) => e.code), ended };
}

async function waitFor(server: Server, text: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (!server.output().includes(text)) {
    if (Date.now() > until || server.child.exitCode !== null) throw new Error(`no "${text}" in:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * `next start` itself, not through npx (which hides how the server ended). The settings check that
 * `npm start` runs first (scripts/preflight.ts) has nothing to refuse with PGlite.
 */
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");
const nextStart = (env: Record<string, string>) =>
  start(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(PORT)], env);

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

test.describe.configure({ mode: "serial" });

test("NEXTAUTH_SECRET missing with DATABASE_URL: npm start refuses before Ready, naming the variable", async () => {
  const env = {
    DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres",
    READOUT_ENCRYPTION_KEY: "A".repeat(43) + "=",
    NEXTAUTH_SECRET: "",
    PORT: String(PORT),
  };
  const viaNpm = start("npm", ["start", "--", "-H", "127.0.0.1", "-p", String(PORT)], env);
  expect(await viaNpm.exited).toBe(1);
  expect(viaNpm.output()).toContain("NEXTAUTH_SECRET");
  expect(viaNpm.output()).not.toContain("Ready");

  // `next start` alone: instrumentation stops the server with the same message.
  const direct = nextStart(env);
  expect(await direct.exited).toBe(1);
  expect(direct.output()).toContain("cannot start: NEXTAUTH_SECRET");
});

test("SIGTERM closes PGlite: the next start has no crash recovery (sequences do not jump)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-lifecycle-"));
  try {
    for (let round = 0; round < 2; round++) {
      const server = nextStart({ PGLITE_DIR: dir, DATABASE_URL: "", NEXTAUTH_URL: BASE });
      await waitFor(server, "database ready");
      await waitFor(server, "Ready");
      // next-auth checks the CSRF token against its cookie: send both, or the attempt never runs.
      const csrfResponse = await fetch(`${BASE}/api/auth/csrf`);
      const cookie = csrfResponse.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const csrf = (await csrfResponse.json()) as { csrfToken: string };
      const r = await fetch(`${BASE}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({
          email: `r${round}@t.test`,
          password: "x",
          csrfToken: csrf.csrfToken,
          json: "true",
        }),
      });
      expect(r.status).toBeLessThan(500);
      server.child.kill("SIGTERM");
      // Handled, not killed by the signal: Next finishes its cleanup and exits with 143 (128 + SIGTERM)
      // on purpose, after the app has closed the database; no error on the way out.
      expect(await server.ended).toEqual({ code: 143, signal: null });
      expect(server.output()).not.toContain("closing the database");
    }
    const db = new PGlite(path.join(dir, "pg"));
    const { rows } = await db.query<{ id: number }>("select id::int as id from audit_log order by id");
    await db.close();
    // One audit row per round. Crash recovery would have moved the sequence on by ~32.
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("malformed server-action bodies: 4xx, anonymous or not, and no stack in the log", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-lifecycle-"));
  const server = nextStart({ PGLITE_DIR: dir, DATABASE_URL: "", NEXTAUTH_URL: BASE });
  try {
    await waitFor(server, "database ready");
    await waitFor(server, "Ready");
    const bodies = ["{{{", "", "[", '{"a":1}', '["$1"]', '[{"x":"$Q0"}]', "null", '["$@1"]'];
    for (const body of bodies) {
      for (const contentType of ["text/plain;charset=UTF-8", "application/json"]) {
        const r = await fetch(`${BASE}/accounts`, {
          method: "POST",
          headers: { "next-action": "0".repeat(42), "content-type": contentType },
          body,
        });
        expect(r.status, `${contentType} ${body}`).toBeGreaterThanOrEqual(400);
        expect(r.status, `${contentType} ${body}`).toBeLessThan(500);
        expect(await r.text()).not.toMatch(/\n\s+at /);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(server.output()).not.toMatch(/\n\s+at /);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
