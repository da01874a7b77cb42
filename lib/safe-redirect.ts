// Where to go after signing in: only a path on this site. Anything else ("//evil.example",
// "https://…", "/\\evil", control characters) falls back to the dashboard, so the sign-in page
// cannot be turned into an open redirect.
export function safeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (value.startsWith("/sign-in") || value.startsWith("/api/auth")) return fallback;
  return value;
}
