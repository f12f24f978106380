import cliProgress from 'cli-progress';

export interface ImportProgress {
  onProgress: (rowsDone: number, share: number | null) => void;
  /** Ends the bar: at 100 % when the file was read to the end, where it stood when it was refused. */
  stop: (completed: boolean) => void;
}

const BAR = '导入中 [{bar}] {percentage}% · {rows} 行 · {speed} 行/秒 · 用时 {duration_formatted}';
/** An .xlsx gives no share of the file read: rows and rows/s only. */
const COUNTER = '导入中 {rows} 行 · {speed} 行/秒 · 用时 {duration_formatted}';

/**
 * A progress bar on stderr when it is a terminal (never with --json): the share of the file read
 * (CSV, JSON Lines), the rows done and rows/s.
 */
export function startProgress(enabled: boolean): ImportProgress | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress: (rowsDone, share) => {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: share === null ? COUNTER : BAR, stream: process.stderr, hideCursor: true, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, { rows: 0, speed: 0 });
      }
      const seconds = (Date.now() - started) / 1000;
      bar.update(share === null ? 0 : Math.round(share * 100), { rows: rowsDone, speed: seconds > 0 ? Math.round(rowsDone / seconds) : 0 });
    },
    stop: (completed) => {
      if (completed) bar?.update(100);
      bar?.stop();
    },
  };
}
