// Every script in PNG and PDF exports: Hangul, Chinese and Japanese characters and emoji are drawn
// with the fonts shipped with the server (Noto Sans KR / SC, Noto Emoji), never as empty boxes,
// whatever fonts the host has. A host without them is what `fallbacks: false` draws.
import { type FlowMap, renderStateSvg } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { pdfText, templateWithFuture } from './export.testkit.ts';
import { fallbacksNeeded, fontRuns } from './fontRuns.ts';
import { rasterise } from './png.ts';
import { renderExport } from './render.ts';

/** The template with its current state's stages renamed, in id order. */
function renamed(names: readonly string[], title = 'Payments service'): FlowMap {
  const map = templateWithFuture();
  map.meta.title = title;
  const current = map.states.current;
  if (!current) throw new Error('no current state');
  const stages = Object.values(current.nodes)
    .filter((n) => n.type === 'stage')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  stages.forEach((stage, i) => {
    stage.name = names[i % names.length] ?? '';
  });
  return map;
}

const KOREAN = ['코드 검토', '수동 테스트', '보안 검토', '변경 관리', '운영 배포', '자동 테스트'];
/** The same lengths, other syllables: two maps that differ only in their Hangul. */
const OTHER_KOREAN = [
  '배포 승인',
  '품질 보증팀',
  '성능 측정',
  '장애 대응',
  '고객 지원',
  '통합 빌드팀',
];

/** The process box of a stage in the PNG at 2×: where its name is drawn. */
function nameBox(svg: string, stageId: string) {
  // The diagram is placed by a translate, and shifted down again when a rework arc rises above it.
  const outer = /<g transform="translate\(([\d.]+),([\d.]+)\)"><g class="diagram"/.exec(svg);
  const inner = /<g class="diagram" transform="translate\(0,([\d.]+)\)"/.exec(svg);
  const stage = new RegExp(
    `<g class="stage" data-node-id="${stageId}"[^>]*><rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`,
  ).exec(svg);
  if (!outer || !stage) throw new Error(`no stage ${stageId} in the SVG`);
  const x = Number(outer[1]) + Number(stage[1]);
  const y = Number(outer[2]) + Number(inner?.[1] ?? 0) + Number(stage[2]);
  return { x: 2 * x, y: 2 * y, w: 2 * Number(stage[3]), h: 2 * Number(stage[4]) };
}

type Box = ReturnType<typeof nameBox>;

/** RGBA pixels of a box, inset by 4 px so that the outline is left out. */
function boxPixels(pixels: Buffer, width: number, box: Box): Buffer {
  const rows: Buffer[] = [];
  for (let y = Math.ceil(box.y) + 4; y < box.y + box.h - 4; y++) {
    const start = (y * width + Math.ceil(box.x) + 4) * 4;
    rows.push(pixels.subarray(start, start + (Math.floor(box.w) - 8) * 4));
  }
  return Buffer.concat(rows);
}

/** Pixels of a box that are not its fill (the colour of its top-left inner corner). */
function inked(box: Buffer): number {
  const fill = box.readUInt32BE(0);
  let n = 0;
  for (let i = 0; i < box.length; i += 4) if (box.readUInt32BE(i) !== fill) n++;
  return n;
}

describe('fonts for every script', () => {
  it('splits text into runs by the face that has each character', () => {
    expect(fontRuns('Payments')).toEqual([{ face: 'base', text: 'Payments' }]);
    expect(fontRuns('Review 코드 검토 — 部署审查 🚀!')).toEqual([
      { face: 'base', text: 'Review ' },
      { face: 'kr', text: '코드 검토 ' },
      { face: 'base', text: '— ' },
      // 部署 are Han characters Noto Sans KR has; 审查 are simplified, only in Noto Sans SC.
      { face: 'kr', text: '部署' },
      { face: 'sc', text: '审查 ' },
      { face: 'emoji', text: '🚀' },
      { face: 'base', text: '!' },
    ]);
    // An emoji sequence stays whole: the presentation selector and the joiner go with it.
    expect(fontRuns('👩‍💻✔️')).toEqual([{ face: 'emoji', text: '👩‍💻✔️' }]);
    expect(fallbacksNeeded('Payments — 8.8% → ≥').map((f) => f.key)).toEqual([]);
    expect(fallbacksNeeded('デプロイ 🚀').map((f) => f.key)).toEqual(['kr', 'emoji']);
  });

  it('draws Hangul names in the PNG: two maps that differ only in their Hangul differ', async () => {
    const a = renderStateSvg(renamed(KOREAN), 'current');
    const b = renderStateSvg(renamed(OTHER_KOREAN), 'current');
    const box = nameBox(a, 'vcs');
    expect(nameBox(b, 'vcs')).toEqual(box);
    const [pa, pb, tofuA, tofuB] = await Promise.all([
      rasterise(a),
      rasterise(b),
      rasterise(a, { fallbacks: false }),
      rasterise(b, { fallbacks: false }),
    ]);
    const width = pa.image.width;
    const inA = boxPixels(pa.image.pixels, width, box);
    const inB = boxPixels(pb.image.pixels, width, box);
    // Glyphs: ink in the name box, and other syllables give other ink.
    expect(inked(inA)).toBeGreaterThan(300);
    expect(Buffer.compare(inA, inB)).not.toBe(0);
    // Without the shipped fonts every syllable is the same empty box: both names look alike…
    const tofuInA = boxPixels(tofuA.image.pixels, width, box);
    expect(Buffer.compare(tofuInA, boxPixels(tofuB.image.pixels, width, box))).toBe(0);
    // …and unlike the drawn Hangul.
    expect(Buffer.compare(inA, tofuInA)).not.toBe(0);
  }, 30_000);

  it('draws Chinese, Japanese and emoji too, each unlike a missing glyph', async () => {
    for (const names of [['部署审查'], ['デプロイ'], ['🚀 出荷']]) {
      const svg = renderStateSvg(renamed(names), 'current');
      const box = nameBox(svg, 'vcs');
      const [drawn, tofu] = await Promise.all([
        rasterise(svg),
        rasterise(svg, { fallbacks: false }),
      ]);
      const a = boxPixels(drawn.image.pixels, drawn.image.width, box);
      expect(inked(a), names[0]).toBeGreaterThan(150);
      expect(Buffer.compare(a, boxPixels(tofu.image.pixels, tofu.image.width, box))).not.toBe(0);
    }
  }, 30_000);

  it('draws bold Hangul bold in the PNG (resvg alone would fall back to the regular face)', async () => {
    const ink = async (weight: string) => {
      const svg =
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" font-family="Arial, sans-serif">' +
        `<text x="10" y="40" font-size="30" font-weight="${weight}">코드 검토</text></svg>`;
      const { image } = await rasterise(svg);
      let dark = 0;
      // `pixels` copies the image on every read: read it once.
      const pixels = image.pixels;
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
      return dark;
    };
    expect(await ink('bold')).toBeGreaterThan((await ink('normal')) * 1.3);
  });

  it('writes the Hangul names into the PDF text layer, with the Korean font embedded', async () => {
    const map = renamed(KOREAN, '결제 서비스 🚀');
    const result = await renderExport(map, { format: 'pdf' });
    if (!result.ok) throw new Error(result.message);
    const pages = await pdfText(result.bytes);
    const diagram = pages[0] ?? '';
    for (const name of KOREAN.slice(0, 3)) expect(diagram).toContain(name);
    expect(diagram).toContain('결제 서비스 🚀');
    // The metrics page names the top bottleneck, drawn by PDFKit itself.
    expect(pages.join('\n')).toMatch(/보안 검토|변경 관리|운영 배포/);
    const raw = Buffer.from(result.bytes).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoEmoji/);
  }, 30_000);

  it('reads no shipped font for an English map', async () => {
    const result = await renderExport(templateWithFuture(), { format: 'pdf' });
    if (!result.ok) throw new Error(result.message);
    expect(Buffer.from(result.bytes).toString('latin1')).not.toMatch(/Noto/);
    expect(fallbacksNeeded(renderStateSvg(templateWithFuture(), 'current'))).toEqual([]);
  });
});
