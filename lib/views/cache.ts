import "server-only";

import { createHash } from "node:crypto";

import { listDataVersions } from "@/db/accounts";
import type { Database } from "@/db/client";

/**
 * Views cached until their data change: keyed by the view, its parameters, the Beijing day (what
 * is "yesterday") and the data version of every account the view reads, which each sync commit
 * bumps. Not by user: everyone allowed to see an account sees the same figures, so 20 people
 * opening one account's dashboard at 08:30 cost one load. Authorization is checked before the
 * cache is asked (authedRoute), and a cached view's data may depend only on its input and those
 * accounts' data (routes.ts lists them).
 */
const MAX_ENTRIES = 500;

interface Entry {
  body: string;
  etag: string;
}

const shared = globalThis as typeof globalThis & {
  __readoutViewCache?: Map<string, Entry>;
  __readoutViewsLoading?: Map<string, Promise<Entry>>;
};
const cache: Map<string, Entry> = (shared.__readoutViewCache ??= new Map<string, Entry>());
/** Loads under way: requests for the same view and version wait for the one load (08:30, 20 people, one account). */
const loading: Map<string, Promise<Entry>> = (shared.__readoutViewsLoading ??= new Map<string, Promise<Entry>>());

export async function cachedView(
  database: Database,
  key: { view: string; input: unknown; day: string; accountIds: number[] },
  load: () => Promise<unknown>,
): Promise<Entry> {
  // A view whose accounts its input does not name (a group's, all the user's) cannot be keyed by
  // their data versions: a sync or a change of the group would not show. Never cached.
  if (key.accountIds.length === 0) return toEntry(await load());
  const versions = await listDataVersions(database, [...new Set(key.accountIds)]);
  const id = JSON.stringify([key.view, key.input, key.day, versions.map((v) => [v.id, v.version])]);
  const hit = cache.get(id);
  if (hit) {
    // Most recently used last.
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const pending = loading.get(id);
  if (pending) return pending;
  const loaded = load()
    .then((data) => {
      const entry = toEntry(data);
      cache.set(id, entry);
      const oldest = cache.keys().next();
      if (cache.size > MAX_ENTRIES && !oldest.done) cache.delete(oldest.value);
      return entry;
    })
    .finally(() => loading.delete(id));
  loading.set(id, loaded);
  return loaded;
}

function toEntry(data: unknown): Entry {
  const body = JSON.stringify({ ok: true, data });
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
}

/** The JSON answer, or 304 when the client already has this version (If-None-Match). */
export function viewResponse(request: Request, entry: Entry): Response {
  // private, no-cache: browsers keep it but ask again each time (the ETag makes that cheap).
  const headers = { etag: entry.etag, "cache-control": "private, no-cache", "content-type": "application/json" };
  const sent = request.headers.get("if-none-match");
  if (sent && sent.split(/\s*,\s*/).includes(entry.etag)) return new Response(null, { status: 304, headers });
  return new Response(entry.body, { status: 200, headers });
}
