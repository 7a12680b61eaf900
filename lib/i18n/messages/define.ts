/**
 * One feature's messages in both languages. The English keys are the feature's message ids; the
 * Chinese object must have exactly those keys (a missing or an extra one fails `tsc`).
 */
export function defineMessages<Id extends string>(messages: {
  en: Record<Id, string>;
  zh: Record<NoInfer<Id>, string>;
}) {
  return messages;
}
