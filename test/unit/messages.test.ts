import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import { FEATURES, type MessageId, MESSAGES } from "@/lib/i18n/messages";

/**
 * What the types cannot see: every message is valid ICU in both languages and the Chinese one
 * takes the same values as the English one. (That zh and en have the same ids is checked by tsc.)
 */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
      out.add(e.value);
    // Chinese has no plural forms: "{days} 天" takes the value English writes "{days, plural, …}".
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

const ids = Object.keys(MESSAGES.en) as MessageId[];

describe("messages", () => {
  it("each id is defined by one feature only", () => {
    const all = FEATURES.flatMap((f) => Object.keys(f.en));
    expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
  });

  it("every message is valid ICU, and zh takes the same values as en", () => {
    const mismatched = ids.flatMap((id) => {
      const [en, zh] = [MESSAGES.en[id], MESSAGES.zh[id]].map((m) => [...argumentsOf(parse(m))].sort().join(", "));
      return en === zh ? [] : [`${id}: en {${en}} zh {${zh}}`];
    });
    expect(mismatched).toEqual([]);
    expect(ids.length).toBeGreaterThan(400);
  });
});
