// Korean messages of the 'library' namespace: exactly the English keys (see ../../messages.ts).
import type { Messages } from '../../messages.ts';
import type { library as en } from '../en/library.ts';

export const library: Messages<typeof en> = {
  title: '내 맵',
  count_other: '맵 {{count}}개',
  newMapButton: '새 맵',
  loading: '맵을 불러오는 중…',
  loadFailed: '맵을 불러오지 못했습니다.',
  tryAgain: '다시 시도',
  forgetKey: '이 브라우저에서 소유자 키 지우기',
  errors: {
    keyRejected: '소유자 키가 받아들여지지 않았습니다.',
    unreachable: 'Flowmap 서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
  },
  notices: {
    deleted: '“{{title}}”을(를) 삭제했습니다.',
    imported: '“{{title}}”을(를) 가져왔습니다.',
    renamed: '“{{title}}”(으)로 이름을 바꿨습니다.',
    duplicated: '“{{title}}”을(를) 복제했습니다.',
  },
  delete: {
    title: '“{{title}}”을(를) 삭제할까요?',
    message:
      '맵과 모든 상태가 영구히 삭제됩니다. 편집 링크나 보기 링크를 가진 모든 사람이, 지금 맵을 열어 둔 사람까지 접근할 수 없게 됩니다.',
    confirm: '맵 삭제',
  },
  empty: {
    title: '첫 가치 흐름을 맵으로 그려 보세요',
    intro:
      '<strong>소프트웨어 딜리버리 템플릿</strong>으로 시작하세요. 하나의 변경이 버전 관리에서 테스트, 보안 검토, 변경 관리를 거쳐 운영 환경에 이르는 흐름이며, 예시 시간은 팀의 실제 수치로 바꾸면 됩니다. 그런 다음 편집 링크를 복사해 워크숍 참가자 모두와 공유하세요.',
    startTemplate: '소프트웨어 딜리버리 템플릿으로 시작',
    creating: '만드는 중…',
    blank: '빈 맵…',
    haveExport: '내보낸 맵이 있나요?',
  },
  import: {
    button: 'JSON 가져오기',
    fileLabel: 'JSON 파일에서 맵 가져오기',
    notJson: '올바른 JSON 파일이 아닙니다.',
    invalid: '올바른 Flowmap 맵이 아닙니다.',
    tooLarge: '이 서버에서 받기에는 파일이 너무 큽니다.',
    notImported: '“{{file}}”을(를) 가져오지 못했습니다. {{reason}}',
    dismiss: '닫기',
    nothingChanged: '아무것도 바뀌지 않았습니다. 아래 문제를 고친 뒤 다시 가져오세요.',
    more_other: '…외 {{count}}개',
  },
  copy: {
    copied: '복사됨',
    copiedLabel: '{{label}}: 복사됨',
    dialogTitle: '링크 복사',
    hint: '이 브라우저에서 복사가 허용되지 않았습니다. Ctrl+C(Mac은 ⌘C)를 눌러 선택된 링크를 복사하세요.',
    done: '완료',
  },
  noKey: {
    rejectedTitle: '이 소유자 키는 받아들여지지 않았습니다',
    missingTitle: '맵을 보려면 소유자 키가 필요합니다',
    rejected:
      '이 브라우저에 저장된 키가 이 서버의 키와 맞지 않습니다. 서버가 새 키로 다시 설정되었을 수 있습니다. 서버가 시작할 때 출력한 링크를 여세요. 그 링크에 소유자 키가 들어 있습니다.',
    missing:
      '이 페이지에서는 이 Flowmap 서버의 맵을 보고 관리합니다. 서버가 시작할 때 출력한 링크를 여세요. 그 링크에 소유자 키가 들어 있습니다.',
    example: '링크 형식: <code>{{example}}</code>',
    joining: '워크숍에 참여하시나요? 키는 필요 없습니다. 퍼실리테이터가 공유한 맵 링크를 여세요.',
    forget: '키 지우기',
  },
  table: {
    caption: '내 맵, 최근에 바뀐 순',
    map: '맵',
    lastChange: '마지막 변경',
    stages: '단계',
    leadTime: '리드 타임',
    currentState: '현재 상태',
    actions: '작업',
    untitled: '제목 없는 맵',
    renameLabel: '{{title}}의 새 제목',
    open: '열기',
    openLabel: '{{title}} 열기',
    editLink: '편집 링크',
    editLinkLabel: '{{title}}의 편집 링크 복사',
    editLinkOf: '“{{title}}”의 편집 링크',
    viewLink: '보기 링크',
    viewLinkLabel: '{{title}}의 보기 전용 링크 복사',
    viewLinkOf: '“{{title}}”의 보기 전용 링크',
    more: '작업 더 보기',
    moreLabel: '{{title}}의 작업 더 보기',
    rename: '이름 바꾸기',
    duplicate: '복제',
    delete: '삭제…',
    noStages: '아직 단계가 없습니다',
    cycle: '계산할 수 없음: 흐름에 순환이 있습니다',
    stageCount_other: '{{count}}단계',
    justNow: '방금',
  },
  newMap: {
    title: '새 맵',
    titleLabel: '제목',
    startFrom: '시작 방식',
    cancel: '취소',
    create: '만들고 열기',
    creating: '만드는 중…',
    untitled: '제목 없는 맵',
    templates: {
      'software-delivery': {
        name: '소프트웨어 딜리버리 파이프라인',
        description:
          '커밋에서 운영 환경까지의 변경 흐름: 버전 관리, 자동·수동 테스트, 보안 검토, 변경 관리, 릴리스. 예시 시간은 팀의 수치로 바꾸세요.',
      },
      blank: {
        name: '빈 맵',
        description: '비어 있는 현재 상태 하나. 가치 흐름을 처음부터 직접 그립니다.',
      },
    },
  },
};
