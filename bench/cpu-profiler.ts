// In-process CPU profile of the import phase only (BENCH_CPU_PROFILE=file.cpuprofile): unlike
// `node --cpu-prof` it leaves out start-up, data generation and the reference COPY.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

export class CpuProfiler {
  private readonly session = new Session();

  async start(): Promise<this> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 500 });
    await this.session.post('Profiler.start');
    return this;
  }

  /** Stops and writes the profile (open it in Chrome DevTools or `bench/cpuprofile-top.ts`). */
  async stop(file: string): Promise<void> {
    const { profile } = await this.session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    this.session.disconnect();
  }
}
