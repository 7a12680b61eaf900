"use client";
import type { AppErrorBody } from "@/lib/actions/errors";

/** A server action's error: its message, and the fields it names. */
export function ErrorNotice({ error, testId }: { error: AppErrorBody | null; testId?: string }) {
  if (!error) return null;
  const fields = Object.entries(error.fields ?? {}).filter(([k]) => k !== "input");
  return (
    <div className="notice error" role="alert" data-testid={testId ?? "action-error"} data-code={error.code}>
      {error.message}
      {fields.length > 1 ? (
        <ul className="field-errors">
          {fields.map(([field, messages]) => (
            <li key={field}>
              <code>{field}</code>: {messages.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
