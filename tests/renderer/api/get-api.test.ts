import { describe, expect, it } from 'vitest';
import { findToken } from '../../../renderer/src/api/get-api';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('findToken', () => {
  it('takes the token from the URL and remembers it for reloads', () => {
    const store = memoryStorage();
    expect(findToken('?token=abc', store)).toBe('abc');
    expect(findToken('', store)).toBe('abc');
  });
  it('is empty when no token is known', () => {
    expect(findToken('?x=1', memoryStorage())).toBe('');
  });
});
