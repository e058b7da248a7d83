import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';

const request = (peer: string, xff?: string | string[]) =>
  ({
    socket: { remoteAddress: peer },
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted (anyone can send it)', () => {
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 0)).toBe('10.0.0.5');
  });

  it('takes the client the trusted proxies name, never an entry the client wrote itself', () => {
    // client 203.0.113.7 → proxy 10.0.0.5 (adds the client) → us
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 1)).toBe('203.0.113.7');
    // the client sent a forged entry first; our proxy appended the real address
    expect(clientAddress(request('10.0.0.5', '1.1.1.1, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // two proxies: CDN then load balancer
    expect(clientAddress(request('10.0.0.9', '203.0.113.7, 198.51.100.2'), 2)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.9', ['203.0.113.7', '198.51.100.2']), 2)).toBe(
      '203.0.113.7',
    );
  });

  it('falls back to the furthest known address when the header is shorter than the trust', () => {
    expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
    expect(clientAddress(request('10.0.0.5', '203.0.113.7'), 3)).toBe('203.0.113.7');
  });
});
