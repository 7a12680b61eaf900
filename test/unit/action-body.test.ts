import { describe, expect, it } from "vitest";

import { actionBodyProblem } from "@/lib/action-body";

describe("server-action bodies are looked at before React decodes them", () => {
  it.each([
    ['[{"accountId":1}]', null],
    ['[{"accountId":1,"name":"$undefined","x":"$$literal dollar","d":"$D2026-11-01T00:00:00.000Z"}]', null],
    ["[]", null],
    ["{{{", "malformed"],
    ["", "malformed"],
    ['{"accountId":1}', "malformed"],
    ['["$1"]', "malformed"],
    ['[{"a":"$Q2"}]', "malformed"],
    ['["$@0"]', "malformed"],
    ['[{"a":["$K1"]}]', "malformed"],
    ["x".repeat(1024 * 1024 + 1), "too-large"],
  ])("%s → %s", (body, expected) => {
    expect(actionBodyProblem("text/plain;charset=UTF-8", body)).toBe(expected);
  });

  it("leaves multipart forms to Next", () => {
    expect(actionBodyProblem("multipart/form-data; boundary=x", "{{{")).toBeNull();
  });
});
