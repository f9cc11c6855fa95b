// @vitest-environment jsdom
import type { FunctionComponent } from 'react';
import { describe, expect, it } from 'vitest';
import type { ExportRequest, FolioApi } from '../../../shared/api';
import { createFakeApi } from '../fixtures/fake-api';
import { until } from '../fixtures/until';

// The root tsconfig type-checks tests without JSX, so a .tsx module is imported by a path it
// does not follow.
const DIALOG = '../../../renderer/src/components/ExportDialog';
const API_CONTEXT = '../../../renderer/src/api/api-context';

describe('ExportDialog', () => {
  it('offers images for Markdown (beside) and HTML (embedded), and sends the choice', async () => {
    const { createElement } = await import('react');
    const { createRoot } = await import('react-dom/client');
    const { act } = await import('react');
    const { ExportDialog } = (await import(/* @vite-ignore */ DIALOG)) as {
      ExportDialog: FunctionComponent<{
        ids: string[];
        onStarted: () => void;
        onClose: () => void;
      }>;
    };
    const { ApiContext } = (await import(/* @vite-ignore */ API_CONTEXT)) as {
      ApiContext: React.Context<FolioApi | null>;
    };
    const sent: ExportRequest[] = [];
    const api = createFakeApi(3);
    const exportArticles = api.exportArticles.bind(api);
    api.exportArticles = (req) => {
      sent.push(req);
      return exportArticles(req);
    };
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    // jsdom has <dialog> without its methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        createElement(
          ApiContext.Provider,
          { value: api },
          createElement(ExportDialog, { ids: ['a1'], onStarted: () => {}, onClose: () => {} }),
        ),
      );
    });
    const select = host.querySelector<HTMLSelectElement>('#export-format')!;
    const imagesBox = () =>
      [...host.querySelectorAll('label.check')].find((l) => /images/i.test(l.textContent ?? ''));
    const choose = async (format: string) => {
      await act(async () => {
        select.value = format;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    expect(imagesBox()?.textContent).toBe('Save images beside the files');
    await choose('html');
    expect(imagesBox()?.textContent).toBe('Embed images in the files');
    await act(async () => imagesBox()!.querySelector('input')!.click());
    await act(async () => {
      host.querySelector('form')!.requestSubmit();
    });
    await until(() => sent.length === 1);
    expect(sent[0]).toMatchObject({ ids: ['a1'], format: 'html', assets: true });
    await choose('pdf');
    expect(imagesBox()).toBeUndefined();
    root.unmount();
    host.remove();
  });
});
