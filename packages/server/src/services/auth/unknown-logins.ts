import { lockedUntil } from '@pubcredit/domain';
import type { AppContext } from '../../context';

interface Failures {
  count: number;
  lockedUntil: Date | null;
}

/** At most this many unknown usernames are tracked; the oldest is forgotten first. */
const MAX_TRACKED = 10_000;

const byContext = new WeakMap<AppContext, Map<string, Failures>>();

function failuresOf(ctx: AppContext): Map<string, Failures> {
  let map = byContext.get(ctx);
  if (!map) byContext.set(ctx, (map = new Map<string, Failures>()));
  return map;
}

/**
 * Failed logins for usernames that have no account. They lock on the same schedule as a real
 * account, so a lock (423) does not tell a guesser that a username exists. Held in memory, per
 * process: nothing about a name that is not an account is written to the database.
 */
export const unknownLogins = {
  /** The lock in force now for this (normalised) username, if any. */
  lockedUntil(ctx: AppContext, username: string): Date | null {
    const until = failuresOf(ctx).get(username)?.lockedUntil ?? null;
    return until && until > ctx.now() ? until : null;
  },

  /** Counts one more failure; returns the new lock's end, or null while under the threshold. */
  recordFailure(ctx: AppContext, username: string): Date | null {
    const map = failuresOf(ctx);
    const entry = map.get(username) ?? { count: 0, lockedUntil: null };
    map.delete(username); // re-inserted last: the map's order is the order of last use
    entry.count += 1;
    entry.lockedUntil = lockedUntil(entry.count, ctx.now());
    map.set(username, entry);
    if (map.size > MAX_TRACKED) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
    return entry.lockedUntil;
  },
};
