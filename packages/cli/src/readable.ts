import { apiScopeName } from '@pubcredit/domain/access';

// How the tables and messages for people name things, as the staff console does: times in Beijing
// time (the column header says 北京时间 once), catalogues and departments by their Chinese names.
// `--json` output never goes through here: it keeps codes and ISO times (those are contracts).

/** 'batches:write（上传数据）': the code (typed in `apikeys create --scopes`) with its meaning. */
export function scopeLabel(scope: string): string {
  const name = apiScopeName(scope);
  return name !== scope ? `${scope}（${name}）` : scope;
}

export interface Readable {
  /** 'YYYY-MM-DD HH:mm:ss' in Beijing time, for a column headed （北京时间）; '—' for none. */
  time(at: Date | string | null | undefined): string;
  /** The Chinese name of a catalogue (行政处罚); the code of one the registry does not know. */
  catalog(code: string): string;
  /** '平顶山市市场监督管理局（1141…）' for a registered department; the code alone otherwise; '—' for none. */
  department(uscc: string | null | undefined): string;
}

/**
 * The namer of a command's table, over the registered departments (`server.listAllDepartments`).
 * The domain is loaded here, with the command, not at start-up: `--help` stays instant.
 */
export async function readable(departments: readonly { uscc: string; name: string }[] = []): Promise<Readable> {
  const { beijingClock, listCatalogEditions } = await import('@pubcredit/domain');
  const names = new Map(departments.map((d) => [d.uscc, d.name]));
  return {
    time: (at) => (at === null || at === undefined ? '—' : beijingClock(at)),
    catalog: (code) => listCatalogEditions(code).at(-1)?.name ?? code,
    department: (uscc) => {
      if (!uscc) return '—';
      const name = names.get(uscc);
      return name ? `${name}（${uscc}）` : uscc;
    },
  };
}
