import { describe, expect, it } from 'vitest';
import { lockMinutes, lockedUntil } from './lockout';

describe('lockout back-off', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [10, 32],
    [11, 60],
    [12, 60],
    [10_000, 60],
  ])('after %i failures: %i minutes', (failures, minutes) => {
    expect(lockMinutes(failures)).toBe(minutes);
  });

  it('gives the unlock time', () => {
    const now = new Date('2024-05-01T02:00:00Z');
    expect(lockedUntil(4, now)).toBeNull();
    expect(lockedUntil(6, now)).toEqual(new Date('2024-05-01T02:02:00Z'));
  });
});
