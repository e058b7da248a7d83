// Korean messages of the 'exportDialog' namespace: exactly the English keys (see ../../messages.ts).
import type { Messages } from '../../messages.ts';
import type { exportDialog as en } from '../en/exportDialog.ts';

export const exportDialog: Messages<typeof en> = {
  button: '내보내기',
  title: '이 맵을 이미지, PDF, 스프레드시트 또는 JSON으로 내려받기',
  wholeMap: '맵 전체',
  ofState: ' ({{state}})',
  ofWholeMap: ' (맵 전체)',
  theState: '현재 상태',
  choices: {
    png: { label: 'PNG 이미지', detail: '2배 해상도, 발표 자료용' },
    svg: { label: 'SVG 이미지', detail: '크기에 상관없이 선명, 위키용' },
    'pdf-state': { label: 'PDF', detail: '이 상태와 지표' },
    pdf: { label: 'PDF', detail: '모든 상태, 지표와 비교, A3' },
    csv: { label: 'CSV', detail: '모든 상태의 모든 단계, 스프레드시트용' },
    json: { label: 'JSON', detail: '맵 전체, 다시 가져오기용' },
  },
  preparing: '{{what}} 준비 중…',
  preparingOf: '{{state}}의 {{what}} 준비 중…',
  downloaded: '{{name}}을(를) 내려받았습니다.',
  pending: ' 최근 편집 내용이 아직 서버로 전송되는 중이었습니다.',
  failed: '내보내기에 실패했습니다.',
  offline: '내보내기에는 서버가 필요한데 연결할 수 없습니다. 연결을 확인하세요.',
  forbidden: '이 링크는 더 이상 이 맵에 유효하지 않습니다. 진행자에게 현재 링크를 요청하세요.',
  busy: '서버가 다른 내보내기를 처리하고 있습니다. 몇 초 후 다시 시도하세요.',
  refused: '내보내기에 실패했습니다: {{message}}',
  status: '내보내기에 실패했습니다 (HTTP {{status}}).',
};
