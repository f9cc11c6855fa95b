import { describe, expect, it } from 'vitest';
import {
  isTrustedSender,
  originOf,
  type SenderEventLike,
  type TrustPolicy,
} from '../../electron/main/sender-check';

const policy: TrustPolicy = { mainContentsId: () => 7, allowedOrigins: ['app://folio'] };

function event(overrides: {
  id?: number;
  url?: string;
  parent?: unknown;
  noFrame?: boolean;
}): SenderEventLike {
  return {
    sender: { id: overrides.id ?? 7 },
    senderFrame: overrides.noFrame
      ? null
      : { url: overrides.url ?? 'app://folio/index.html', parent: overrides.parent ?? null },
  };
}

describe('originOf', () => {
  it('builds origins for custom schemes, http and file URLs', () => {
    expect(originOf('app://folio/index.html#/a')).toBe('app://folio');
    expect(originOf('https://example.com:8443/x')).toBe('https://example.com:8443');
    expect(originOf('file:///C:/x/index.html')).toBe('file://');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('trusts the main window top frame at the app origin', () => {
    expect(isTrustedSender(event({}), policy)).toBe(true);
  });

  it('refuses another web contents', () => {
    expect(isTrustedSender(event({ id: 8 }), policy)).toBe(false);
  });

  it('refuses everything while there is no main window', () => {
    expect(isTrustedSender(event({}), { ...policy, mainContentsId: () => null })).toBe(false);
  });

  it('refuses a subframe even at the app origin', () => {
    expect(isTrustedSender(event({ parent: { url: 'app://folio/index.html' } }), policy)).toBe(
      false,
    );
  });

  it('refuses a destroyed or navigated frame', () => {
    expect(isTrustedSender(event({ noFrame: true }), policy)).toBe(false);
  });

  it('refuses foreign and look-alike origins', () => {
    for (const url of [
      'https://evil.example/',
      'app://folio.evil/index.html',
      'app://other/index.html',
      'file:///tmp/x.html',
      'data:text/html,<p>x',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender(event({ url }), policy), url).toBe(false);
    }
  });

  it('accepts file:// only when the policy names it', () => {
    const filePolicy = { ...policy, allowedOrigins: ['file://'] };
    expect(isTrustedSender(event({ url: 'file:///opt/folio/index.html' }), filePolicy)).toBe(true);
    expect(isTrustedSender(event({}), filePolicy)).toBe(false);
  });
});
