/** Failed logins allowed before the account is locked. */
export const LOCKOUT_THRESHOLD = 5;
const FIRST_LOCK_MINUTES = 1;
const MAX_LOCK_MINUTES = 60;

/**
 * Minutes an account stays locked after its `failures`-th consecutive failed login: none before
 * the 5th, then 1, 2, 4, 8 … doubling with each further failure, capped at one hour.
 * @example lockMinutes(5) // 1; lockMinutes(7) // 4; lockMinutes(20) // 60
 */
export function lockMinutes(failures: number): number {
  if (failures < LOCKOUT_THRESHOLD) return 0;
  const doublings = failures - LOCKOUT_THRESHOLD;
  // 2^6 = 64 > 60 already: stop doubling there rather than overflow on huge counts.
  return Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** Math.min(doublings, 6));
}

/** When the account unlocks after `failures` consecutive failures at `now`, or null when it stays open. */
export function lockedUntil(failures: number, now: Date): Date | null {
  const minutes = lockMinutes(failures);
  return minutes === 0 ? null : new Date(now.getTime() + minutes * 60_000);
}
