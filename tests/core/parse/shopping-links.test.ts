import { describe, expect, it } from 'vitest';
import { isShoppingList } from '../../../electron/core/parse/shopping-links';

describe('isShoppingList', () => {
  it('recognises short lists of buy links', () => {
    expect(isShoppingList(['Get it at Walmart for $238.99'])).toBe(true);
    expect(isShoppingList(['See it now: Amazon'])).toBe(true);
    expect(isShoppingList(['Buy on Amazon for £20', 'Also at Argos'])).toBe(true);
  });

  it('leaves related-story lists and long link lists', () => {
    expect(isShoppingList(['Why the council voted against the budget'])).toBe(false);
    expect(isShoppingList(['$5', '$6', '$7', '$8'])).toBe(false);
    expect(isShoppingList([])).toBe(false);
  });
});
