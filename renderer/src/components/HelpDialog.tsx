/**
 * The keyboard shortcut list.
 */
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Modal } from './Modal';

/** Each action's keys, one `<kbd>` per alternative so a line breaks between them, not inside. */
const SHORTCUTS: Array<[string[], MessageKey]> = [
  [['/', 'Ctrl/⌘+F'], 'help.search'],
  [['↑ ↓', 'Home End', 'PgUp PgDn'], 'help.move'],
  [['Shift+↑ ↓', 'Shift+click', 'Ctrl/⌘+click'], 'help.extend'],
  [['Ctrl/⌘+A'], 'help.selectAll'],
  [['Enter'], 'help.open'],
  [['Delete'], 'help.trash'],
  [['Ctrl/⌘+O'], 'help.import'],
  [['?'], 'help.help'],
  [['Esc'], 'help.escape'],
];

/** Help dialog. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal title={t('help.title')} onClose={onClose} testId="help-dialog" wide>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, label]) => (
          <div key={label} className="shortcut">
            <dt className="shortcut-keys">
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('job.close')}
        </button>
      </div>
    </Modal>
  );
}
