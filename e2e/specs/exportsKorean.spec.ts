// Exports of a Korean map through a real server (issue 15): a map named in Hangul, with `locale`
// 'ko', imported through the API and exported as PNG and PDF over HTTP. Two maps that differ only
// in their Hangul give different pictures; the PDF's text layer holds the names and Korean headings.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FlowMap } from '@flowmap/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// pdf.js, as the server's export tests read PDFs with it.
import { pdfText } from '../../server/src/export/export.testkit.ts';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { type E2EServer, startServer } from '../fixtures/server.ts';

let server: E2EServer | undefined;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

function koreanMap(names: readonly string[]): FlowMap {
  const map = mapWithFutureState();
  map.meta.title = '결제 서비스';
  map.meta.locale = 'ko';
  const current = map.states.current;
  if (!current) throw new Error('no current state');
  Object.values(current.nodes)
    .filter((n) => n.type === 'stage')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .forEach((stage, i) => {
      stage.name = names[i % names.length] ?? '';
    });
  return map;
}

async function exported(map: FlowMap, format: 'png' | 'pdf'): Promise<Buffer> {
  if (!server) throw new Error('no server');
  const links = await server.importMap(map);
  const state = format === 'png' ? '&state=current' : '';
  const res = await fetch(
    `${server.url}/api/maps/${links.id}/export.${format}?token=${links.viewToken}${state}`,
  );
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const NAMES = ['코드 검토', '수동 테스트', '보안 검토', '변경 관리', '운영 배포', '자동 테스트'];
const OTHER = ['배포 승인', '품질 보증팀', '성능 측정', '장애 대응', '고객 지원', '통합 빌드팀'];

describe('exports of a Korean map', () => {
  it('draws the Hangul in the PNG: other syllables, another picture', async () => {
    const a = await exported(koreanMap(NAMES), 'png');
    const b = await exported(koreanMap(OTHER), 'png');
    const again = await exported(koreanMap(NAMES), 'png');
    expect(a.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Same map, same bytes; only the Hangul differs, yet the pictures do.
    expect(Buffer.compare(a, again)).toBe(0);
    expect(Buffer.compare(a, b)).not.toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/exports-korean.png`, a);
  }, 60_000);

  it('writes the names and Korean headings into the PDF text layer', async () => {
    const pages = await pdfText(await exported(koreanMap(NAMES), 'pdf'));
    const all = pages.join('\n');
    for (const name of NAMES) expect(all).toContain(name);
    expect(all).toContain('결제 서비스');
    expect(all).toContain('지표와 비교');
    expect(all).toContain('상태별 지표');
    expect(all).not.toContain('Metrics by state');
  }, 60_000);
});
