// Typed keys: `t('canvas:addStage')` is checked against the English catalog at compile time.
import type { en } from '@flowmap/shared/i18n';
import 'i18next';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
