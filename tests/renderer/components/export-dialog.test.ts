// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../shared/api';
import { createFakeApi } from '../fixtures/fake-api';
import { mountComponent } from '../fixtures/mount-app';
import { until } from '../fixtures/until';

describe('ExportDialog', () => {
  it('offers images for Markdown (beside) and HTML (embedded), and sends the choice', async () => {
    const { act } = await import('react');
    const sent: ExportRequest[] = [];
    const api = createFakeApi(3);
    const exportArticles = api.exportArticles.bind(api);
    api.exportArticles = (req) => {
      sent.push(req);
      return exportArticles(req);
    };
    // jsdom has <dialog> without its methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
    const { host, unmount } = await mountComponent(
      api,
      { module: 'components/ExportDialog', name: 'ExportDialog' },
      { ids: ['a1'], onStarted: () => {}, onClose: () => {} },
    );
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
    await unmount();
  });
});
