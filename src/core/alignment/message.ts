// The English text of an engine message; renderers translate the same key and params into --lang.
import { fill } from '../../i18n/define.js';
import { checkMessages } from '../../i18n/messages/check.js';
import type { CheckMessageKey, MessageParams } from './types.js';

export const englishMessage = (key: CheckMessageKey, params: MessageParams): string =>
  fill(checkMessages.en[key], params);

/** A signed number param (`+3`, `-1`, `0`): how drift and shifts are written in messages. */
export const signedParam = (n: number): string => (n > 0 ? `+${n}` : String(n));
