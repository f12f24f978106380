import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDepartment, getDepartment, listDepartments } from '@pubcredit/db';
import type { AppContext } from '../context';
import { importFile } from './import/import.service';
import type { ImportResult } from './import/import.service';

/** packages/server/demo: synthetic departments and files (not real entities or persons). */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

interface DemoManifest {
  departments: { uscc: string; name: string }[];
  files: { file: string; catalog: string; source: string }[];
}

export interface DemoSummary {
  departments: number;
  imports: (Pick<ImportResult, 'batchId' | 'catalog' | 'total' | 'accepted' | 'rejected'> & { file: string })[];
}

function readManifest(): DemoManifest {
  return JSON.parse(readFileSync(`${DEMO_DIR}demo.json`, 'utf8')) as DemoManifest;
}

/** Registers the demo departments (if missing) and imports the demo files through the normal importer. */
export async function seedDemo(ctx: AppContext): Promise<DemoSummary> {
  const manifest = readManifest();
  for (const dept of manifest.departments) {
    if (!(await getDepartment(ctx.db, dept.uscc))) await addDepartment(ctx.db, dept);
  }
  const imports: DemoSummary['imports'] = [];
  for (const f of manifest.files) {
    const result = await importFile(ctx, { filePath: `${DEMO_DIR}${f.file}`, fileName: f.file, catalog: f.catalog, source: f.source });
    const { batchId, catalog, total, accepted, rejected } = result;
    imports.push({ file: f.file, batchId, catalog, total, accepted, rejected });
  }
  ctx.log.info({ imports }, 'demo data loaded');
  return { departments: manifest.departments.length, imports };
}

/** First start of the embedded engine: load the demo when no department is registered yet. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<DemoSummary | undefined> {
  if ((await listDepartments(ctx.db)).length > 0) return undefined;
  return seedDemo(ctx);
}
