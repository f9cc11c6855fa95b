/**
 * Theme and language settings.
 */
import type { LocaleSetting, Settings, ThemeSetting } from '../../../shared/api';
import { useT } from '../i18n/i18n-context';
import { Modal } from './Modal';

export interface SettingsDialogProps {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
  onClose: () => void;
}

/** Settings dialog. */
export function SettingsDialog({ settings, onChange, onClose }: SettingsDialogProps) {
  const t = useT();
  return (
    <Modal title={t('settings.title')} onClose={onClose} testId="settings-dialog">
      <div className="form-grid">
        <label htmlFor="set-theme">{t('settings.theme')}</label>
        <select
          id="set-theme"
          value={settings.theme}
          onChange={(e) => onChange({ theme: e.target.value as ThemeSetting })}
        >
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
        <label htmlFor="set-locale">{t('settings.language')}</label>
        <select
          id="set-locale"
          value={settings.locale}
          onChange={(e) => onChange({ locale: e.target.value as LocaleSetting })}
        >
          <option value="auto">{t('settings.languageAuto')}</option>
          <option value="en">English</option>
          <option value="zh-Hans">简体中文</option>
          <option value="zh-Hant">繁體中文</option>
        </select>
      </div>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
    </Modal>
  );
}
