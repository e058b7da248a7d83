// Korean messages of the 'measure' namespace: exactly the English keys (see ../../messages.ts).
import type { Messages } from '../../messages.ts';
import type { measure as en } from '../en/measure.ts';

export const measure: Messages<typeof en> = {
  button: '측정',
  buttonTip: '측정값 가져오기: 도구에서 내보낸 이벤트 로그와 배포 로그',
  title: '측정값 가져오기',
  intro:
    'Jira, GitLab 또는 GitHub에서 내보낸 이벤트 로그(item, stage, entered, exited, 선택 항목 active_minutes)를 CSV나 JSON 배열로 고르세요. 로그는 이 브라우저 안에서 읽으며, 맵에는 단계별 수치만 저장되고 로그 자체는 저장되지 않습니다.',
  eventsLabel: '이벤트 로그',
  deploymentsLabel: '배포 로그 (선택: deployed_at, failed, restored_at, committed_at)',
  phases: {
    reading: '파일을 읽는 중…',
    parsing: '행을 읽는 중…',
    aggregating: '측정하는 중…',
  },
  refusedEvents: '이벤트 로그를 가져오지 않았으며 아무것도 바뀌지 않았습니다. 다음 행을 고치세요:',
  refusedDeployments:
    '배포 로그를 가져오지 않았으며 아무것도 바뀌지 않았습니다. 다음 행을 고치세요:',
  rowProblem: '{{row}}행: {{message}}',
  mappingTitle: '로그 단계 → 맵 단계',
  mappingHelp:
    '대소문자와 공백을 무시하고 이름으로 짝지었습니다. 짝을 바꾸거나, 세지 않을 이름은 그대로 두세요.',
  mapStageFor: '“{{name}}”에 해당하는 맵 단계',
  notCounted: '— 세지 않음 —',
  unmatched: '맵에 없음(세지 않음): {{names}}',
  listSeparator: ', ',
  previewLabel: '측정된 수치',
  period: '{{from}} → {{to}} (UTC): 작업 항목 {{items}}개, 이벤트 {{events}}개',
  conversion:
    '달력 시간 × {{hours}}시간 × {{days}}일 ÷ 168시간 = × {{share}}: 아래 리드 타임은 맵의 추정값과 같이 근무 시간 기준입니다.',
  stageHeader: {
    stage: '단계',
    passes: '통과 횟수',
    items: '작업 항목',
    ltP50: 'LT p50',
    ltP85: 'LT p85',
    ltMean: 'LT 평균',
    pt: 'PT',
    pctCA: '%C/A',
    estimate: '추정 LT / %C/A',
  },
  doraLabel: '4대 핵심 지표, 측정값',
  doraTitle: '배포 {{deployments}}건에서 측정한 4대 핵심 지표',
  levels: { elite: '엘리트', high: '높음', medium: '중간', low: '낮음' },
  useAll: '지금 맵에 측정값 사용 (추정값은 비교용으로 보관됩니다)',
  apply: '맵에 적용',
  cancel: '취소',
  nothingMatched: '로그의 어떤 단계도 이 상태의 단계와 맞지 않습니다: 이름을 하나 이상 짝지으세요.',
  timing: '이 브라우저에서 {{rows}}개 행을 {{readMs}}ms에 읽고 {{aggregateMs}}ms에 측정했습니다',
};
