// Translators for unit tests of the panels' wording: shared's i18next instance fixed to one
// language and namespace (tests run in Node, without the browser's detector that
// client/src/i18n sets up).
export { translatorFor as translator } from '@flowmap/shared/i18n';
