import "server-only";

import type { Database } from "@/db/client";
import {
  claimSend,
  findDestinationDigest,
  findDigestRecord,
  finishSend,
  listDigestRecords,
  loadDestinations,
} from "@/db/digests";
import { addDaysIso, type IsoDate } from "@/lib/dates";

import type { DigestContent } from "./content";
import { deliver, DeliveryError, type DeliveryOptions } from "./deliver";
import { type DigestScope, loadDigestContent, scopeAccounts, scopeSettled } from "./load";

export type SendOptions = DeliveryOptions & { log?: (line: string) => void };

export interface DigestOutcome {
  digestId: number;
  /** waiting: yesterday is not final yet for some account of the scope; empty: no account or no destination. */
  state: "waiting" | "empty" | "checked";
  sent: number;
  failed: number;
  /** Destinations another instance (or an earlier check) already claimed for the day. */
  skipped: number;
}

const scopeOf = (d: { accountId: number | null; groupId: number | null }): DigestScope =>
  d.accountId !== null ? { accountId: d.accountId, groupId: null } : { accountId: null, groupId: d.groupId! };

/**
 * Sends every enabled digest whose scope's yesterday (the day before `today`, Beijing) is final,
 * to each of its destinations not yet claimed for that day. Safe to call again and again, from
 * several instances at once: each (digest, destination, day) is claimed in the database first.
 */
export async function sendDueDigests(
  database: Database,
  today: IsoDate,
  opts: SendOptions = {},
): Promise<DigestOutcome[]> {
  const log = opts.log ?? (() => {});
  const day = addDaysIso(today, -1);
  const records = (await listDigestRecords(database)).filter((d) => d.enabled);
  const destinations = await loadDestinations(
    database,
    records.map((d) => d.id),
  );
  const outcomes: DigestOutcome[] = [];
  for (const digest of records) {
    const outcome: DigestOutcome = { digestId: digest.id, state: "checked", sent: 0, failed: 0, skipped: 0 };
    outcomes.push(outcome);
    const accountIds = (await scopeAccounts(database, scopeOf(digest))).map((a) => a.id);
    const targets = destinations.filter((x) => x.digestId === digest.id);
    if (!accountIds.length || !targets.length) {
      outcome.state = "empty";
      continue;
    }
    if (!(await scopeSettled(database, accountIds, day, today))) {
      outcome.state = "waiting";
      continue;
    }
    let content: DigestContent | undefined;
    for (const target of targets) {
      const sendId = await claimSend(database, { digestId: digest.id, destinationId: target.id, day });
      if (sendId === null) {
        outcome.skipped++;
        continue;
      }
      try {
        content ??= await loadDigestContent(database, {
          scopeName: digest.name,
          language: digest.language,
          accountIds,
          day,
          today,
        });
        const { attempts } = await deliver(target, content, opts);
        await finishSend(database, sendId, { status: "sent", attempts, lastError: null });
        outcome.sent++;
        log(`digest ${digest.id} → ${target.kind} #${target.id} for ${day}: sent (${attempts} attempts)`);
      } catch (error) {
        const attempts = error instanceof DeliveryError ? error.attempts : 0;
        const message = error instanceof Error ? error.message : String(error);
        await finishSend(database, sendId, { status: "failed", attempts, lastError: message.slice(0, 500) });
        outcome.failed++;
        log(
          `digest ${digest.id} → ${target.kind} #${target.id} for ${day}: failed after ${attempts} attempts: ${message}`,
        );
      }
    }
  }
  return outcomes;
}

/**
 * "Send test": the digest of yesterday as it stands now (final or not), marked as a test, to one
 * destination, one attempt. Not recorded as the day's send, so the real one still goes out.
 */
export async function sendTestDigest(
  database: Database,
  destinationId: number,
  today: IsoDate,
  opts: SendOptions = {},
): Promise<{ ok: true } | { ok: false; error: string }> {
  const digestId = await findDestinationDigest(database, destinationId);
  const digest = digestId === null ? null : await findDigestRecord(database, digestId);
  const target = digest
    ? (await loadDestinations(database, [digest.id])).find((d) => d.id === destinationId)
    : undefined;
  if (!digest || !target) return { ok: false, error: "No such destination." };
  const accountIds = (await scopeAccounts(database, scopeOf(digest))).map((a) => a.id);
  const day = addDaysIso(today, -1);
  const content = await loadDigestContent(database, {
    scopeName: digest.name,
    language: digest.language,
    accountIds,
    day,
    today,
  });
  try {
    await deliver(target, content, { ...opts, attempts: 1, test: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
