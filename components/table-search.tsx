/** A table's search box and its "N of M" count, with test ids `<name>-search` and `<name>-count`. */
export function TableSearch({
  name,
  label,
  value,
  onChange,
  count,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  count: string;
}) {
  return (
    <div className="table-tools">
      <label className="search">
        <span className="sr-only">{label}</span>
        <input
          type="search"
          placeholder={label}
          aria-label={label}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`${name}-search`}
        />
      </label>
      <span className="muted small" data-testid={`${name}-count`}>
        {count}
      </span>
    </div>
  );
}
