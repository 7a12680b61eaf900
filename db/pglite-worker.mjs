// PGlite runs here, in its own thread, so database work never blocks the app's event loop
// (HTTP requests, timers, WeChat answers). db/pglite-remote.ts is the other end.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const db = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
const transactions = new Map();
let nextTx = 1;

const reply = (id, result) => parentPort.postMessage({ id, ok: true, result });
const fail = (id, error) =>
  parentPort.postMessage({
    id,
    ok: false,
    error: {
      message: error?.message ?? String(error),
      code: error?.code,
      detail: error?.detail,
      constraint: error?.constraint,
      table: error?.table,
    },
  });

const ROLLBACK = Symbol("rollback");
const identity = (value) => value;

async function handle(m) {
  const target = m.txId ? transactions.get(m.txId)?.tx : db;
  if (m.txId && !target) throw new Error(`transaction ${m.txId} is not open`);
  switch (m.op) {
    case "query": {
      const parsers = Object.fromEntries((m.rawTypes ?? []).map((oid) => [oid, identity]));
      const r = await target.query(m.sql, m.params, { rowMode: m.rowMode, parsers });
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case "exec":
      return (await target.exec(m.sql)).map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    case "begin": {
      const txId = nextTx++;
      let finish;
      const outcome = new Promise((resolve) => (finish = resolve));
      let started;
      const open = new Promise((resolve) => (started = resolve));
      const done = db
        .transaction(async (tx) => {
          transactions.set(txId, { tx, finish, done: null });
          started();
          if (!(await outcome)) throw ROLLBACK;
        })
        .catch((error) => {
          if (error !== ROLLBACK) throw error;
        })
        .finally(() => transactions.delete(txId));
      await Promise.race([open, done]);
      const entry = transactions.get(txId);
      if (entry) entry.done = done;
      return { txId };
    }
    case "end": {
      const entry = transactions.get(m.txId);
      entry.finish(m.commit);
      await entry.done;
      return null;
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

parentPort.on("message", (m) => {
  handle(m).then(
    (result) => reply(m.id, result),
    (error) => fail(m.id, error),
  );
});

db.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (error) => parentPort.postMessage({ ready: false, error: error?.message ?? String(error) }),
);
