import cliProgress from 'cli-progress';

export interface ImportProgress {
  onProgress: (rowsDone: number) => void;
  stop: () => void;
}

/** A rows-and-rows/s line on stderr when it is a terminal (never with --json). */
export function startProgress(enabled: boolean): ImportProgress | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      format: '导入中 {value} 行 · {speed} 行/秒 · 用时 {duration_formatted}',
      stream: process.stderr,
      hideCursor: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(0, 0, { speed: 0 });
  return {
    onProgress: (rowsDone) => {
      const seconds = (Date.now() - started) / 1000;
      bar.update(rowsDone, { speed: seconds > 0 ? Math.round(rowsDone / seconds) : 0 });
    },
    stop: () => bar.stop(),
  };
}
