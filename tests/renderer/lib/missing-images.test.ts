// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { watchMissingImages } from '../../../renderer/src/lib/missing-images';

describe('watchMissingImages', () => {
  it('puts a labelled link in place of an image that fails, and only of that one', () => {
    const body = document.createElement('div');
    body.innerHTML =
      '<figure><img src="https://example.com/a.jpg" alt="普京与习近平"><figcaption>说明</figcaption></figure>' +
      '<p><img src="https://example.com/b.jpg" alt=""></p>';
    document.body.append(body);
    const stop = watchMissingImages(body, 'Image not loaded');
    const [a, b] = body.querySelectorAll('img');
    a!.dispatchEvent(new Event('error'));
    const box = body.querySelector<HTMLAnchorElement>('.img-missing');
    expect(box?.textContent).toBe('Image not loaded');
    expect(box?.getAttribute('href')).toBe('https://example.com/a.jpg');
    expect(box?.title).toBe('普京与习近平');
    expect(a!.hasAttribute('data-missing')).toBe(true);
    expect(box?.previousElementSibling).toBe(a);
    expect(b!.hasAttribute('data-missing')).toBe(false);
    // A second error event for the same image adds no second box.
    a!.dispatchEvent(new Event('error'));
    expect(body.querySelectorAll('.img-missing').length).toBe(1);
    stop();
    b!.dispatchEvent(new Event('error'));
    expect(body.querySelectorAll('.img-missing').length).toBe(1);
    body.remove();
  });
});
