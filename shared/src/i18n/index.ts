// Languages, catalogs and the i18next instance the server's exports use (`@flowmap/shared/i18n`).

export { dateFormat, formatNumber, numberFormat, relativeTimeFormat } from './intl.ts';
export * from './locale.ts';
export type { Messages } from './messages.ts';
export { en, ko, NAMESPACES, type Namespace, resources } from './resources.ts';
export { displayT, translatorFor } from './translator.ts';
