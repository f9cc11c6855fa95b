/**
 * Rename, merge or delete one tag across the library.
 */
import { useState } from 'react';
import type { TagCount } from '../../../shared/model';
import { cleanTag, sameTag } from '../../../shared/tags';
import { useT } from '../i18n/i18n-context';
import { Modal } from './Modal';

export interface TagManageDialogProps {
  tag: string;
  tags: TagCount[];
  onRename: (from: string, to: string) => void;
  onMerge: (from: string, to: string) => void;
  onDelete: (tag: string) => void;
  onClose: () => void;
}

/** Tag management dialog; typing an existing tag's name turns "rename" into "merge". */
export function TagManageDialog({
  tag,
  tags,
  onRename,
  onMerge,
  onDelete,
  onClose,
}: TagManageDialogProps) {
  const t = useT();
  const [to, setTo] = useState(tag);
  const target = cleanTag(to);
  const existing = tags.find((x) => sameTag(x.tag, target) && !sameTag(x.tag, tag));
  const submit = (): void => {
    if (!target || target === tag) return;
    if (existing) onMerge(tag, existing.tag);
    else onRename(tag, target);
  };
  return (
    <Modal title={t('tags.manage', { tag })} onClose={onClose} testId="tag-dialog">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor="tag-rename">{t('tags.renameTo')}</label>
        <input
          id="tag-rename"
          list="tag-rename-list"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          autoFocus
        />
        <datalist id="tag-rename-list">
          {tags
            .filter((x) => x.tag !== tag)
            .map((x) => (
              <option key={x.tag} value={x.tag} />
            ))}
        </datalist>
        <div className="modal-actions">
          <button type="button" className="danger" onClick={() => onDelete(tag)}>
            {t('tags.delete')}
          </button>
          <button type="button" onClick={onClose}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!target || target === tag}>
            {existing ? t('tags.merge', { to: existing.tag }) : t('tags.rename')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
