"use client";

/** A small segmented choice (radio buttons) whose state lives in the URL. */
export function MetricSwitch<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <fieldset className="segmented" data-testid={testId}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className={o.value === value ? "on" : undefined}>
          <input
            type="radio"
            name={testId ?? label}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
