/**
 * Runs a callback once the next frame has been painted: a task posted from the frame's animation
 * callbacks runs after that frame's layout and paint, so work started there never delays it.
 */

type PaintWindow = Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'>;

/** Calls `fn` after the next painted frame; returns a cancel. */
export function afterNextPaint(win: PaintWindow, fn: () => void): () => void {
  let cancelled = false;
  const frame = win.requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!cancelled) fn();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    win.cancelAnimationFrame(frame);
  };
}
