import { expirePublicity } from '@pubcredit/db';
import type { AppContext } from '../../context';
import { recomputeMissingPublicity } from './recompute.service';
import { beijingToday } from './today';

/** How often the job runs (it also runs once at start). */
export const PUBLICITY_JOB_INTERVAL_MS = 60 * 60 * 1000;

export interface PublicityJobReport {
  /** The Beijing date the run counted against. */
  today: string;
  /** Records whose missing publicity periods were computed. */
  recomputed: number;
  /** Records whose maximum period had passed, now marked `expired`. */
  expired: number;
}

/**
 * One run of the publicity job: computes the periods of records stored without them, then marks
 * current records past the last day of their maximum period (maxUntil < today in Beijing) as
 * `publicity_end_reason = 'expired'`. Idempotent: a second run, or a second server, changes nothing.
 * The public view does not wait for it (publicRecordCondition compares maxUntil with today).
 * @example await runPublicityJobOnce(ctx, new Date('2027-05-02T00:00:00+08:00'))
 */
export async function runPublicityJobOnce(
  ctx: AppContext,
  now: Date = ctx.now(),
  opts: { recompute?: boolean } = {},
): Promise<PublicityJobReport> {
  const { updated: recomputed } = opts.recompute === false ? { updated: 0 } : await recomputeMissingPublicity(ctx);
  const today = beijingToday(now);
  const expired = await expirePublicity(ctx.db, today, now);
  return { today, recomputed, expired };
}

export interface PublicityJob {
  /** Stops the schedule and waits for a run in progress to finish. */
  stop(): Promise<void>;
  /** The run in progress, or the last one (tests). */
  readonly current: Promise<unknown>;
}

/**
 * Starts the publicity job in this process: a run now, then every {@link PUBLICITY_JOB_INTERVAL_MS}.
 * A failed run is logged and retried at the next tick; runs never overlap. The timer does not keep
 * the process alive. Missing periods are computed until one run has succeeded: the importer computes
 * them for every record it stores, so later runs only mark expiries (no hourly walk of `records`).
 */
export function startPublicityJob(ctx: AppContext, intervalMs: number = PUBLICITY_JOB_INTERVAL_MS): PublicityJob {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let recomputed = false;
  const tick = (): void => {
    if (stopped) return;
    running = runPublicityJobOnce(ctx, ctx.now(), { recompute: !recomputed }).then(
      (report) => {
        recomputed = true;
        if (report.expired > 0 || report.recomputed > 0) ctx.log.info({ publicityJob: report }, 'publicity job');
      },
      (err: unknown) => ctx.log.warn({ err }, 'publicity job failed; retried at the next run'),
    );
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      tick();
      void running.then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  tick();
  void running.then(() => {
    if (!stopped) schedule();
  });
  return {
    get current() {
      return running;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
