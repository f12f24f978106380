import { api } from './api-client';
import type { Batch, BatchIssues, BatchList, Catalog, CatalogList, ImportResult } from './types';

export async function listCatalogs(): Promise<Catalog[]> {
  return (await api.get<CatalogList>('/catalogs')).catalogs;
}

export interface UploadInput {
  file: File;
  catalog: string;
  /** Validate only, store nothing. */
  dryRun: boolean;
  /** The department the file is for; the server refuses any but the caller's own. */
  department: string;
}

/** Uploads a file for the caller's own department (the server checks it against the session's). */
export function uploadBatch(input: UploadInput): Promise<ImportResult> {
  const form = new FormData();
  form.append('catalog', input.catalog);
  form.append('dryRun', String(input.dryRun));
  form.append('department', input.department);
  form.append('file', input.file, input.file.name);
  return api.post<ImportResult>('/batches', form);
}

export async function listBatches(limit: number, offset: number): Promise<Batch[]> {
  return (await api.get<BatchList>('/batches', { query: { limit, offset } })).batches;
}

export function getBatch(id: string): Promise<Batch> {
  return api.get<Batch>(`/batches/${encodeURIComponent(id)}`);
}

export async function listBatchIssues(id: string, limit: number, offset: number): Promise<BatchIssues> {
  return api.get<BatchIssues>(`/batches/${encodeURIComponent(id)}/issues`, { query: { limit, offset } });
}
