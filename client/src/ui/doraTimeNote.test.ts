// DoraTimeNote's English must read exactly as shared's doraTimeBasisNote (which the PDF uses).
import { doraTimeBasisNote } from '@flowmap/shared';
import { formatNumber, translatorFor } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';

describe('the DORA time basis note', () => {
  it('reads in English as shared words it, and in Korean with the same figures', () => {
    const wt = { hoursPerDay: 7.5, daysPerWeek: 4 };
    const values = { hours: formatNumber(7.5), days: formatNumber(4) };
    expect(translatorFor('en', 'common')('doraTimeBasis', values)).toBe(doraTimeBasisNote(wt));
    expect(translatorFor('ko', 'common')('doraTimeBasis', values)).toBe(
      'DORA 등급은 근무 시간 기준으로 적용합니다: DORA 구간의 하루는 근무일 하루(7.5시간), 한 주는 근무 주 한 주(4일), 한 달은 52/12 근무 주입니다.',
    );
  });
});
