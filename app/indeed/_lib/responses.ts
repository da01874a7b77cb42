import "server-only";
// Responses of the emulator's route handlers: 303 redirects (never 307, which would repeat a
// POST body: RFC 9700 §4.12) and a small self-contained HTML error page for the requests that
// must not go back to the client.
import { NO_STORE } from "@/lib/oauth/http";
import type { NextStep } from "@/lib/providers/indeed/authorization-flow";
import { GONE_MESSAGES } from "./messages";

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...NO_STORE } });
}

/**
 * Where the browser goes for the request's next step: an emulator page or the client's redirect
 * URI. A request that cannot go on shows its reason on the consent page's URL.
 */
export function stepLocation(handle: string, step: NextStep): string {
  const query = `?request=${encodeURIComponent(handle)}`;
  switch (step.kind) {
    case "sign-in":
      return `/indeed/sign-in${query}`;
    case "employer":
      return `/indeed/employer${query}`;
    case "redirect":
      return step.url;
    case "consent":
    case "gone":
      return `/indeed/consent${query}`;
  }
}

/** The response of a route handler for the request's next step. */
export function stepResponse(handle: string, step: NextStep): Response {
  if (step.kind === "gone") return errorPage(400, GONE_MESSAGES[step.reason].title, GONE_MESSAGES[step.reason].message);
  return seeOther(stepLocation(handle, step));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A complete HTML page (route handlers cannot render React), in the look of the emulator's
 * pages. Never contains a redirect or a link to the client.
 */
export function errorPage(status: number, title: string, message: string, detail?: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | Indeed (sandbox)</title>
<style>
body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f3f2f1;color:#2d2d2d}
header{background:#fff;border-bottom:1px solid #e4e2e0;padding:12px 24px}
.brand{font-weight:700;font-size:22px;color:#2557a7;letter-spacing:-.02em}
.badge{margin-left:8px;font-size:12px;border:1px solid #767676;border-radius:4px;padding:1px 6px;color:#595959;vertical-align:middle}
main{max-width:28rem;margin:48px auto;padding:0 16px}
section{background:#fff;border:1px solid #e4e2e0;border-radius:12px;padding:24px}
h1{font-size:20px;margin:0 0 8px}
p{line-height:1.5;margin:8px 0}
code{background:#f3f2f1;border-radius:4px;padding:2px 4px;font-size:13px;word-break:break-word}
</style>
</head>
<body>
<header><span class="brand">indeed</span><span class="badge">Sandbox</span></header>
<main id="main">
<section role="alert" aria-labelledby="error-title">
<h1 id="error-title">${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${detail ? `<p><code>${escapeHtml(detail)}</code></p>` : ""}
</section>
</main>
</body>
</html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...NO_STORE } });
}
