import { api } from './api-client';
import type { ApiKey, ApiKeyList, CreateApiKeyInput, CreatedApiKey } from './types';

export async function listApiKeys(): Promise<ApiKey[]> {
  return (await api.get<ApiKeyList>('/apikeys')).apiKeys;
}

/** Creates a key; the key itself is in this answer only (the server keeps its hash). */
export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/apikeys', input);
}

export function revokeApiKey(id: string): Promise<unknown> {
  return api.post<unknown>(`/apikeys/${encodeURIComponent(id)}/revoke`);
}
