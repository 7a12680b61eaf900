"use client";
import { useEffect, useState } from "react";

/**
 * A search box whose text lives in the URL: typing updates the URL after a pause (`commit`), and
 * the URL's own changes (Back) come back into the box unless the user is typing.
 */
export function useUrlSearch(urlQ: string, commit: (q: string) => void) {
  const [search, setSearch] = useState(urlQ);
  const [typing, setTyping] = useState(false);
  const [seenQ, setSeenQ] = useState(urlQ);
  if (seenQ !== urlQ) {
    setSeenQ(urlQ);
    if (!typing) setSearch(urlQ);
  }
  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => {
      setTyping(false);
      commit(search);
    }, 250);
    return () => clearTimeout(timer);
  }, [typing, search, commit]);
  const type = (value: string) => {
    setSearch(value);
    setTyping(true);
  };
  return { search, type };
}

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
