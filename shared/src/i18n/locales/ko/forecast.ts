// Korean messages of the 'forecast' namespace: exactly the English keys (see ../../messages.ts).
import type { Messages } from '../../messages.ts';
import type { forecast as en } from '../en/forecast.ts';

export const forecast: Messages<typeof en> = {
  heading: '예측',
  simulated: '모의 작업 항목 {{trials}}개',
  updating: '갱신 중…',
  waiting: '시뮬레이션 중…',
  failed: '예측에 실패했습니다: {{error}}',
  workerFailed: '예측을 계산하는 웹 워커를 시작하지 못했습니다',
  noFigures: '흐름에 순환이 있어 예측할 수 없습니다.',
  columns: { current: '현재', projected: '카이젠 적용', future: '미래' },
  rows: {
    p50: '작업 항목의 절반이 이 기간 이내',
    p85: '작업 항목의 85%가 이 기간 이내',
    p95: '작업 항목의 95%가 이 기간 이내',
    mean: '평균적인 작업 항목',
  },
  rowNames: { p50: 'p50', p85: 'p85', p95: 'p95', mean: '평균' },
  kaizens: '카이젠별 효과 (각각 단독으로 적용할 때)',
  noSpread:
    '모든 작업 항목이 같은 시간이 걸립니다: 범위(최소·최대 LT)나 측정값이 있는 단계도, 비율이 있는 재작업 화살표도, 비율이 있는 분기도 없습니다. 불확실한 단계에 범위를 주면 분포를 볼 수 있습니다.',
  explain:
    '각 단계의 리드 타임은 범위(최소, 최빈, 최대)나 측정값에서 뽑고, 경로는 비율대로, 재작업은 재작업률대로 따릅니다. 병렬 작업은 가장 긴 갈래를 기다립니다.',
  within: '{{units}}의 {{percent}}가 {{duration}} 이내',
  defaultUnits: '작업 항목',
  kaizenEffect: '{{name}}: 예상 {{expected}}, p85 기준 {{p85}}',
  noChange: '변화 없음',
  describeColumn: '{{column}}: {{within}}',
  describeSeparator: '; ',
  chartFailed: '차트를 불러오지 못했습니다. 수치는 표에 있습니다.',
};
