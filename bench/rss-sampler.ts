/** Samples the process's resident set size every `intervalMs` and keeps the peak (bytes). */
export class RssSampler {
  private peak = 0;
  /** process.memoryUsage() at the sample with the peak RSS: where the memory was. */
  private atPeak: NodeJS.MemoryUsage | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 100) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** Stops sampling and returns the peak seen, in bytes. */
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.peak;
  }

  /** "heap used/total, external, array buffers" at the peak, in MB. */
  breakdown(): string {
    const m = this.atPeak;
    if (!m) return '';
    return `heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, array buffers ${mb(m.arrayBuffers)} MB`;
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) {
      this.peak = rss;
      this.atPeak = process.memoryUsage();
    }
  }
}

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
