// Korean messages of the 'common' namespace: exactly the English keys (see ../../messages.ts).
import type { Messages } from '../../messages.ts';
import type { common as en } from '../en/common.ts';

export const common: Messages<typeof en> = {
  language: {
    label: '언어',
  },
  cancel: '취소',
  deleting: '삭제하는 중…',
  guest: '손님',
  requestFailed: '요청 실패 ({{status}})',
  doraTimeBasis:
    'DORA 등급은 근무 시간 기준으로 적용합니다: DORA 구간의 하루는 근무일 하루({{hours}}시간), 한 주는 근무 주 한 주({{days}}일), 한 달은 52/12 근무 주입니다.',
  kind: {
    current: '현재',
    future: '미래',
  },
  notFound: {
    title: '페이지를 찾을 수 없습니다',
    goToMaps: '내 맵으로 가기',
  },
  editor: {
    opening: '맵을 여는 중…',
    cannotOpen: '이 맵을 열 수 없습니다',
    missing: '이 맵은 (더 이상) 없습니다. 퍼실리테이터에게 새 링크를 요청하세요.',
    badLink:
      '이 링크는 이 맵에 유효하지 않습니다. 링크가 바뀌었을 수 있으니 퍼실리테이터에게 현재 링크를 요청하세요.',
    unreachable: 'Flowmap 서버에 연결할 수 없습니다. 연결을 확인하고 새로고침하세요.',
    viewOnly: '보기 전용: 워크숍을 따라갈 수는 있지만 맵을 바꿀 수는 없습니다.',
    loading: '맵을 불러오는 중…',
    loadingSnapshots: '스냅샷을 불러오는 중…',
    details: '단계 및 맵 세부 정보',
    timeline: '타임라인',
  },
  duration: {
    examples: '예: 45분, 4시간, 2일 4시간, 1.5주 (45m, 4h, 2d 4h도 됩니다)',
    empty: '기간을 입력하세요. {{examples}}',
    negative: '기간은 음수일 수 없습니다',
    notADuration: '“{{input}}”은(는) 기간이 아닙니다. {{examples}}',
    unknownUnit: '알 수 없는 단위 “{{word}}”: 분, 시간, 일, 주(m, h, d, w) 중 하나를 쓰세요',
    repeatedUnit: '단위 “{{unit}}”이(가) 두 번 나옵니다',
    tooLarge: '기간이 너무 깁니다',
  },
  compare: {
    expectedNote:
      '합계는 되돌아가는 작업이 없는 가장 긴 경로(최악의 경우)를 따릅니다. 예상 수치는 갈림길 경로를 각 비율로, 재작업 루프를 각 재작업률로 가중합니다.',
    leadTime: '리드 타임',
    metric: {
      totalLeadTimeMinutes: '총 리드 타임',
      expectedLeadTimeMinutes: '예상 리드 타임',
      totalValueAddMinutes: '총 부가가치 시간',
      expectedValueAddMinutes: '예상 부가가치 시간',
      totalWaitingMinutes: '총 대기 시간',
      flowEfficiency: '흐름 효율',
      expectedFlowEfficiency: '예상 흐름 효율',
      rolledPctCA: '누적 %C/A',
      stageCount: '단계 수',
    },
    field: {
      name: '이름',
      team: '팀',
      elapsedMinutes: '리드 타임(LT)',
      elapsedLowMinutes: '최소 리드 타임',
      elapsedHighMinutes: '최대 리드 타임',
      valueAddMinutes: '부가가치 시간(PT)',
      pctCA: '%C/A',
      ratedBy: '%C/A 평가자',
      timeSource: '시간 출처',
      people: '인원',
      batchSize: '배치 크기',
      wipItems: '진행 중 작업(WIP)',
      outside: '외부 단계',
      notes: '메모',
      wait: '대기',
      items: '대기 항목 수',
    },
    noChange: '변화 없음',
    points: '{{value}}%p',
    perWeek: '주당 {{value}}',
    yes: '예',
    no: '아니요',
    timeSource: {
      estimate: '추정',
      measured: '측정',
    },
    edge: {
      rework: '재작업 {{from}} → {{to}}',
      route: '경로 {{from}} → {{to}}',
      reworkRate: '재작업률',
      routeShare: '경로 비율',
    },
    summary: {
      plain: '{{label}} {{before}} → {{after}}',
      unchanged: '{{label}} {{before}} → {{after}}, 변화 없음',
      relative: '{{label}} {{before}} → {{after}}, {{relative}}',
      edge: '{{label}}: {{before}} → {{after}}',
    },
  },
  dora: {
    labels: {
      deploymentFrequency: '배포 빈도',
      leadTimeForChanges: '변경 리드 타임',
      changeFailureRate: '변경 실패율',
      timeToRestore: '서비스 복구 시간',
    },
    none: '없음',
    perWeek: '주당 {{value}}회',
    perMonth: '월 {{value}}회',
    perYear: '연 {{value}}회',
  },
};
