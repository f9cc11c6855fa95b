/**
 * Window-wide shortcuts: / or Ctrl/Cmd+F focuses search, Ctrl/Cmd+O imports, ? opens help.
 */
import { useEffect } from 'react';

export interface ShortcutHandlers {
  focusSearch: () => void;
  importFiles: () => void;
  help: () => void;
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
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}
