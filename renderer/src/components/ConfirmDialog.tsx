/**
 * Promise-based confirmation: `await confirm(message, okLabel)` resolves true on OK. The OK
 * button names the action ("Move to Trash", "Delete permanently"), so the answer does not
 * depend on reading the question right.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Modal } from './Modal';
import { useT } from '../i18n/i18n-context';

type Confirm = (message: string, okLabel?: string) => Promise<boolean>;

const ConfirmContext = createContext<Confirm>(async () => false);

/** The confirm function of the nearest provider. */
export function useConfirm(): Confirm {
  return useContext(ConfirmContext);
}

interface Pending {
  message: string;
  okLabel: string | undefined;
  resolve: (ok: boolean) => void;
}

/** Provides `useConfirm` and renders the dialog. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback<Confirm>(
    (message, okLabel) => new Promise((resolve) => setPending({ message, okLabel, resolve })),
    [],
  );
  const answer = (ok: boolean): void => {
    pending?.resolve(ok);
    setPending(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && (
        <Modal title={t('confirm.title')} onClose={() => answer(false)} testId="confirm-dialog">
          <p>{pending.message}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => answer(false)}>
              {t('confirm.cancel')}
            </button>
            <button
              type="button"
              className="primary danger"
              autoFocus
              onClick={() => answer(true)}
              data-testid="confirm-ok"
            >
              {pending.okLabel ?? t('confirm.ok')}
            </button>
          </div>
        </Modal>
      )}
    </ConfirmContext.Provider>
  );
}
