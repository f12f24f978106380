/**
 * Paging over list endpoints that answer `limit`/`offset` without a total: ask for one row more
 * than the page, show the page, and offer "next" when the extra row came back.
 */
export function pageQuery(page: number, pageSize: number): { limit: number; offset: number } {
  return { limit: pageSize + 1, offset: Math.max(0, page - 1) * pageSize };
}

export function pageSlice<T>(rows: readonly T[], pageSize: number): { rows: T[]; hasMore: boolean } {
  return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
