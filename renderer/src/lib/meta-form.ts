/**
 * Converting editable metadata between the model and text inputs.
 */
import type { MetaValue } from '../../../shared/api';
import type { EditableField, EditableMeta } from '../../../shared/model';

/** The text an input shows for a field. */
export function fieldText(meta: EditableMeta, field: EditableField): string {
  const v = meta[field];
  if (Array.isArray(v)) return v.join(', ');
  if (field === 'publishedAt') return typeof v === 'string' ? v.slice(0, 10) : '';
  return v ?? '';
}

/** The model value for what the user typed (authors split on commas, empty date is null). */
export function parseFieldText(field: EditableField, text: string): MetaValue {
  const trimmed = text.trim();
  if (field === 'authors')
    return trimmed
      .split(/[,，、;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (field === 'publishedAt') return trimmed === '' ? null : trimmed;
  return trimmed;
}

/** True when the field was edited away from the parsed value. */
export function isEdited(
  current: EditableMeta,
  parsed: EditableMeta,
  field: EditableField,
): boolean {
  return fieldText(current, field) !== fieldText(parsed, field);
}
