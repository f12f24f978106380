import { useCallback, useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { ApiError } from '../api/api-client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'CLIENT', '读取数据失败，请刷新页面重试');
}

/** Loads data when deps change (and on reload); answers arriving after a newer request are dropped. */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (!current) return;
        setError(asApiError(err));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // Callers pass the deps of load, as with useEffect.
  }, [...deps, generation]);

  return { data, error, loading, reload };
}

/** Sets document.title for a console page. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · 信用平顶山管理后台`;
  }, [title]);
}
