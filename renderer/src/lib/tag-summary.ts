/**
 * Tags across a multi-selection: each tag with how many of the selected articles carry it.
 */
import type { ListRow } from '../../../shared/list-rows';

export interface SelectionTag {
  tag: string;
  count: number;
}

/** Union of tags over the selection, most common first, then alphabetical. */
export function tagsOfSelection(items: readonly ListRow[]): SelectionTag[] {
  const counts = new Map<string, number>();
  for (const s of items) for (const tag of s.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Tag suggestions for autocomplete: known tags containing the typed text, minus ones already applied. */
export function suggestTags(
  known: readonly string[],
  typed: string,
  applied: readonly string[],
): string[] {
  const q = typed.trim().toLowerCase();
  const have = new Set(applied.map((t) => t.toLowerCase()));
  return known
    .filter((t) => !have.has(t.toLowerCase()) && t.toLowerCase().includes(q))
    .slice(0, 20);
}
