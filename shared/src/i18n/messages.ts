// Types every catalog shares: the English catalog of a namespace is the source of truth (written
// `as const`), and each other language must have exactly its keys — `Messages<typeof en>` makes a
// missing Korean key a type error, and catalogs.test.ts fails on missing or extra keys and on
// placeholders ({{name}}) that differ between languages.
//
// Plural forms are the exception: i18next picks `key_one` / `key_other` by the language's plural
// rules, and Korean has only `_other`. So `_zero/_one/_two/_few/_many` keys are optional in a
// translation, and `_other` (which every language has) is required.
type PluralForm = `${string}_${'zero' | 'one' | 'two' | 'few' | 'many'}`;

export type Messages<T> = {
  [K in keyof T as K extends PluralForm ? never : K]: T[K] extends string ? string : Messages<T[K]>;
} & {
  [K in keyof T as K extends PluralForm ? K : never]?: string;
};
