import { clsx } from "clsx";

export interface Column {
  label: string;
  /** Numbers and row actions sit on the right. */
  align?: "right";
  /** A column whose cells say what they are (row actions): its header is for screen readers only. */
  srOnly?: boolean;
}

/**
 * A console table in its own scrollable region (keyboard users can scroll it): a caption for
 * screen readers, one header row, and the rows the caller renders.
 */
export function DataTable({
  label,
  labelledBy,
  caption,
  className,
  columns,
  children,
}: {
  /** The region's name, unless `labelledBy` names the heading that names it. */
  label?: string;
  labelledBy?: string;
  caption: string;
  /** The table's own classes, e.g. its minimum width. */
  className?: string;
  columns: Column[];
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      aria-labelledby={labelledBy}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className={clsx("w-full text-left text-sm", className)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={clsx("px-4 py-3 font-semibold", c.align === "right" && "text-right")}>
                {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** What a list or table shows when it has nothing: a dashed box with a line and, optionally, more. */
export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">{title}</p>
      {children ? <p className="mt-1 text-sm text-slate-600">{children}</p> : null}
    </div>
  );
}
