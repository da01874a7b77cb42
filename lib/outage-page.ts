// The console's answer to a page request while its database is unavailable: a small, friendly,
// self-contained page (no script, no stylesheet to fetch, nothing that needs the database) with
// 503 and Retry-After, so that browsers, proxies and monitors all read it as temporary.
import { RETRY_AFTER, RETRY_AFTER_SECONDS } from "./db-unavailable";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}">
<title>Temporarily unavailable · Partner Console</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2937; background: #f9fafb; }
  main { max-width: 36rem; margin: 15vh auto; padding: 0 1.5rem; }
  h1 { font-size: 1.5rem; line-height: 2rem; margin: 0 0 .75rem; }
  p { margin: 0 0 .75rem; color: #4b5563; }
</style>
</head>
<body>
<main>
<h1>The console is temporarily unavailable</h1>
<p>It cannot reach its database right now. Nothing you did was lost: try again in a moment.</p>
<p>This page reloads by itself.</p>
</main>
</body>
</html>`;

export function outagePage(): Response {
  return new Response(PAGE, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...RETRY_AFTER },
  });
}
