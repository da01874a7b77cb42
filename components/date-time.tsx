// A point in time as "Dec 3, 2026, 14:05 UTC". Built by hand rather than with Intl so the server
// and the browser always print the same characters (no hydration mismatch between ICU versions).
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatDateTime(value: string | number | Date): string {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function DateTime({ value, className }: { value: string | number | Date; className?: string }) {
  return (
    <time dateTime={new Date(value).toISOString()} className={className}>
      {formatDateTime(value)}
    </time>
  );
}
