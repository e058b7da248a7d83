// Per-test clients of a sync test server, closed after each test together with the server.
// Tests only: registers its own vitest afterEach.
import { afterEach } from 'vitest';
import { connectClient, RawClient, type TestClient } from './clients.testkit.ts';
import type { TestServer } from './server.testkit.ts';
import type { Access } from './telemetry.ts';

export function syncTestbed(server: () => TestServer) {
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.close();
    await server().close();
  });
  const track = (r: RawClient): RawClient => {
    raws.push(r);
    return r;
  };
  return {
    /** A real WebsocketProvider client of `mapId`. */
    client(mapId: string, options: Parameters<typeof connectClient>[2] = {}): TestClient {
      const c = connectClient(server(), mapId, options);
      clients.push(c);
      return c;
    },
    /** A raw `ws` client for crafted frames. */
    async raw(mapId: string, access: Access = 'edit'): Promise<RawClient> {
      return track(await RawClient.connect(`${server().syncUrl}/${mapId}?access=${access}`));
    },
    /** Closes `r` after the test. */
    track,
  };
}
