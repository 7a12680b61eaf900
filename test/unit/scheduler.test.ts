import { describe, expect, it } from "vitest";

import { runGrouped } from "@/lib/sync/scheduler";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("runGrouped", () => {
  it("runs everything with at most `concurrency` tasks at once", async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 30 }, (_, i) => ({ i, group: `g${i % 3}` }));
    await runGrouped(
      tasks,
      (t) => t.group,
      4,
      async (t) => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
        done.push(t.i);
      },
    );
    expect(done.sort((a, b) => a - b)).toEqual(tasks.map((t) => t.i));
    expect(peak).toBe(4);
  });

  it("starts nothing else of a group until its first task has finished", async () => {
    const log: string[] = [];
    const tasks = ["a1", "a2", "a3", "b1"];
    await runGrouped(
      tasks,
      (t) => t[0]!,
      4,
      async (t) => {
        log.push(`start ${t}`);
        await tick();
        log.push(`end ${t}`);
      },
    );
    expect(log.indexOf("start a2")).toBeGreaterThan(log.indexOf("end a1"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
  });

  it("a stopped group runs no further task and reports the skipped ones", async () => {
    const ran: string[] = [];
    const { skipped } = await runGrouped(
      ["x1", "x2", "x3", "y1", "y2"],
      (t) => t[0]!,
      2,
      async (t, control) => {
        ran.push(t);
        await tick();
        if (t === "x1") control.stopGroup("x");
      },
    );
    expect(ran).not.toContain("x2");
    expect(ran).not.toContain("x3");
    expect(ran).toEqual(expect.arrayContaining(["x1", "y1", "y2"]));
    expect(skipped.sort()).toEqual(["x2", "x3"]);
  });
});
