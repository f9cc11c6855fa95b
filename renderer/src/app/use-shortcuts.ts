/**
 * Window-wide shortcuts: / or Ctrl/Cmd+F focuses search, Ctrl/Cmd+O imports, ? opens help,
 * Escape (outside text fields and dialogs) clears the search.
 */
import { useEffect } from 'react';

export interface ShortcutHandlers {
  focusSearch: () => void;
  importFiles: () => void;
  help: () => void;
  clearSearch: () => void;
}

/** True when the key goes to a text field, where plain keys must type. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Installs the global key handler. */
export function useShortcuts(h: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if ((mod && k === 'f') || (!mod && e.key === '/' && !typing(e.target))) {
        e.preventDefault();
        h.focusSearch();
      } else if (mod && k === 'o') {
        e.preventDefault();
        h.importFiles();
      } else if (e.key === '?' && !typing(e.target)) {
        e.preventDefault();
        h.help();
      } else if (e.key === 'Escape' && !e.defaultPrevented && !typing(e.target)) {
        // A dialog's Escape closes the dialog and nothing else.
        if ((e.target as Element | null)?.closest?.('dialog')) return;
        h.clearSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}
