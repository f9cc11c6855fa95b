import { describe, expect, it } from 'vitest';
import { openExternalSafely, safeExternalUrl } from '../../electron/main/external-links';
import {
  denyAllPermissions,
  isPermissionAllowed,
  guardWebContents,
  type GuardableContents,
  type GuardableSession,
  type PreventableEvent,
} from '../../electron/main/web-guards';

type Handler = (...args: never[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: Handler) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as GuardableContents;
  return {
    contents,
    emit(name: string, ...args: unknown[]) {
      const l = listeners.get(name) as ((...a: unknown[]) => unknown) | undefined;
      if (!l) throw new Error(`no listener for ${name}`);
      return l(...args);
    },
    openWindow(url: string) {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url });
    },
  };
}

function preventable(): PreventableEvent & { prevented: boolean } {
  const e = {
    prevented: false,
    preventDefault() {
      e.prevented = true;
    },
  };
  return e;
}

/** Lets the fire-and-forget openExternal promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('safeExternalUrl', () => {
  it('accepts http and https URLs only', () => {
    expect(safeExternalUrl('https://www.bbc.com/zhongwen/simp/x')).toBe(
      'https://www.bbc.com/zhongwen/simp/x',
    );
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://folio/index.html',
      'data:text/html,x',
      'smb://host/share',
      'https://user:pw@example.com/',
      'not a url',
      42,
      null,
      undefined,
      { href: 'https://x' },
    ]) {
      expect(safeExternalUrl(bad), String(bad)).toBeNull();
    }
  });

  it('openExternalSafely calls the opener only for safe URLs', async () => {
    const opened: string[] = [];
    const open = async (u: string) => {
      opened.push(u);
    };
    expect(await openExternalSafely('https://example.com/a', open)).toBe(true);
    expect(await openExternalSafely('javascript:void(0)', open)).toBe(false);
    expect(opened).toEqual(['https://example.com/a']);
  });
});

describe('guardWebContents', () => {
  function setup() {
    const fake = fakeContents();
    const opened: string[] = [];
    guardWebContents(fake.contents, {
      openExternal: async (u) => {
        opened.push(u);
      },
    });
    return { ...fake, opened };
  }

  it('cancels every navigation and sends only http(s) targets to the system browser', async () => {
    const { emit, opened } = setup();
    const urls = [
      'https://www.nytimes.com/zh-hans/',
      'file:///etc/passwd',
      'app://folio/other.html',
      'javascript:alert(1)',
      'http://example.com/x',
    ];
    for (const url of urls) {
      const e = preventable();
      emit('will-navigate', e, url);
      expect(e.prevented, url).toBe(true);
    }
    await settle();
    expect(opened).toEqual(['https://www.nytimes.com/zh-hans/', 'http://example.com/x']);
  });

  it('denies every new window, opening only http(s) externally', async () => {
    const { openWindow, opened } = setup();
    expect(openWindow('https://www.dw.com/zh/')).toEqual({ action: 'deny' });
    expect(openWindow('about:blank')).toEqual({ action: 'deny' });
    expect(openWindow('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    await settle();
    expect(opened).toEqual(['https://www.dw.com/zh/']);
  });

  it('prevents webviews and redirects', () => {
    const { emit } = setup();
    const attach = preventable();
    emit('will-attach-webview', attach, {}, {});
    expect(attach.prevented).toBe(true);
    const redirect = preventable();
    emit('will-redirect', redirect, 'https://example.com');
    expect(redirect.prevented).toBe(true);
  });

  it('reports a failing opener instead of throwing', async () => {
    const fake = fakeContents();
    const errors: unknown[] = [];
    guardWebContents(fake.contents, {
      openExternal: async () => {
        throw new Error('no browser');
      },
      onError: (err) => errors.push(err),
    });
    expect(fake.openWindow('https://example.com')).toEqual({ action: 'deny' });
    await settle();
    expect(errors).toHaveLength(1);
  });
});

describe('denyAllPermissions', () => {
  function install() {
    const h: {
      request?: Parameters<GuardableSession['setPermissionRequestHandler']>[0];
      check?: Parameters<GuardableSession['setPermissionCheckHandler']>[0];
    } = {};
    denyAllPermissions(
      {
        setPermissionRequestHandler: (handler) => {
          h.request = handler;
        },
        setPermissionCheckHandler: (handler) => {
          h.check = handler;
        },
      },
      'app://folio',
    );
    const req = h.request;
    const chk = h.check;
    if (!req || !chk) throw new Error('handlers not installed');
    return {
      ask(permission: string, url: string): boolean {
        let answer: boolean | null = null;
        req({}, permission, (granted: boolean) => (answer = granted), { requestingUrl: url });
        if (answer === null) throw new Error('no answer');
        return answer;
      },
      check: (permission: string, origin: string) => chk({}, permission, origin),
    };
  }

  it('answers no to every request and check from the app', () => {
    const { ask, check } = install();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(ask(p, 'app://folio/index.html'), p).toBe(false);
      expect(check(p, 'app://folio'), p).toBe(false);
    }
  });

  it('allows clipboard writes from the app only', () => {
    const { ask, check } = install();
    expect(ask('clipboard-sanitized-write', 'app://folio/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'app://folio')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check('clipboard-sanitized-write', 'app://folio.evil')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///x', 'app://folio')).toBe(
      false,
    );
  });
});
