/**
 * Counts which components React rendered, through the hook React DevTools uses: install it before
 * react-dom is first imported. A component rendered in a commit when its fiber did work
 * (PerformedWork) and is not the fiber the previous commit left in the tree (a skipped subtree
 * keeps its old fibers).
 */
interface Fiber {
  tag: number;
  flags: number;
  type: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
}

const PERFORMED_WORK = 1;
// Function, class, forwardRef, memo and simple memo components.
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);

function nameOf(type: unknown): string | null {
  if (typeof type === 'function') return (type as { name?: string }).name ?? null;
  if (type && typeof type === 'object') {
    const t = type as { render?: unknown; type?: unknown };
    if (t.render) return nameOf(t.render);
    if (t.type) return nameOf(t.type);
  }
  return null;
}

/** Installs the hook; `counts` maps a component's function name to its renders so far. */
export function installRenderCounter(): { counts: Map<string, number>; reset(): void } {
  const counts = new Map<string, number>();
  let previous = new Set<Fiber>();
  (globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    setStrictMode: () => undefined,
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      const seen = new Set<Fiber>();
      const walk = (first: Fiber | null): void => {
        for (let f = first; f; f = f.sibling) {
          seen.add(f);
          // memo(forwardRef(X)) is two fibers of one component: count the inner one only.
          if (COMPONENT_TAGS.has(f.tag) && f.flags & PERFORMED_WORK && !previous.has(f)) {
            const name = f.tag === 14 ? null : nameOf(f.type);
            if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
          }
          walk(f.child);
        }
      };
      walk(root.current);
      previous = seen;
    },
  };
  return { counts, reset: () => counts.clear() };
}
