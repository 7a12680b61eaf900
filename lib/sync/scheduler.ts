/**
 * Runs tasks with bounded concurrency, where each group's first task is a probe: the rest of
 * the group waits until it has finished, and `stopGroup` cancels what has not started.
 * That way an endpoint WeChat has retired (47009) or that is out of quota (45009) costs one
 * call, not one per worker.
 */
export async function runGrouped<T>(
  tasks: readonly T[],
  groupOf: (task: T) => string,
  concurrency: number,
  run: (task: T, control: { stopGroup: (group: string) => void; stopAll: () => void }) => Promise<void>,
): Promise<{ skipped: T[] }> {
  const queues = new Map<string, T[]>();
  for (const task of tasks) {
    const group = groupOf(task);
    const queue = queues.get(group) ?? [];
    queue.push(task);
    queues.set(group, queue);
  }
  const probed = new Set<string>();
  const probing = new Set<string>();
  const stopped = new Set<string>();
  const skipped: T[] = [];
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const stopGroup = (group: string) => {
    stopped.add(group);
    skipped.push(...(queues.get(group) ?? []));
    queues.delete(group);
  };

  // Round-robin across groups keeps every endpoint moving and spreads load.
  const next = (): { task: T; group: string } | "wait" | "done" => {
    let waiting = false;
    for (const [group, queue] of queues) {
      if (queue.length === 0) continue;
      if (!probed.has(group)) {
        if (probing.has(group)) {
          waiting = true;
          continue;
        }
        probing.add(group);
      }
      const task = queue.shift()!;
      queues.delete(group);
      if (queue.length > 0) queues.set(group, queue);
      return { task, group };
    }
    return waiting ? "wait" : "done";
  };

  const worker = async () => {
    for (;;) {
      const picked = next();
      if (picked === "done") return;
      if (picked === "wait") {
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      try {
        await run(picked.task, { stopGroup, stopAll: () => [...queues.keys()].forEach(stopGroup) });
      } finally {
        if (probing.delete(picked.group)) probed.add(picked.group);
        notify();
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { skipped: skipped.filter((t) => stopped.has(groupOf(t))) };
}
