/** Offset paging for lists an officer pages through; limits are validated at the edge (server schemas). */
export interface Page {
  limit: number;
  offset: number;
}
