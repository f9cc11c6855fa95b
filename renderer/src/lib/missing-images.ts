/**
 * Article images that cannot be loaded (offline, a dead link, a site that refuses hotlinks):
 * instead of a broken-image icon with the alt text set as a paragraph, a quiet box that says so
 * and links to the image's address.
 */

function replace(img: HTMLImageElement, label: string): void {
  if (img.hasAttribute('data-missing')) return;
  // Hidden rather than removed: React may own the element (images listed beside the body).
  img.setAttribute('data-missing', '');
  const box = img.ownerDocument.createElement('a');
  box.className = 'img-missing';
  box.href = img.currentSrc || img.src;
  box.textContent = label;
  if (img.alt) box.title = img.alt;
  img.after(box);
}

/**
 * Watches `container` for images that fail and puts a labelled link box in their place. Start it
 * in the same task that inserts the images (a layout effect): an image's `error` comes in a
 * later task, so none is missed. Returns the function that stops watching.
 */
export function watchMissingImages(container: HTMLElement, label: string): () => void {
  const onError = (e: Event): void => {
    if (e.target instanceof HTMLImageElement) replace(e.target, label);
  };
  // `error` does not bubble: listen in the capture phase to hear it from any image inside.
  container.addEventListener('error', onError, true);
  return () => container.removeEventListener('error', onError, true);
}
