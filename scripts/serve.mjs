// The production HTTP server `npm start` runs (scripts/start.ts): Next.js's request handler
// behind one check Next.js cannot make itself. TRACE, TRACK and CONNECT are methods the Fetch
// standard forbids, so Next.js fails to build a Request for them and answers 500 with a stack
// trace, before proxy.ts could run. No page or route answers them: 405 here, one warning line.
// Plain JavaScript, so the server runs on Node.js without a TypeScript loader.
import { createServer } from "node:http";
import next from "next";

const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  if (REFUSED_METHODS.has((request.method ?? "").toUpperCase())) {
    console.error(
      JSON.stringify({ time: new Date().toISOString(), level: "warn", message: "request refused at the edge", reason: `method ${request.method}`, path: (request.url ?? "").split("?")[0], status: 405 }),
    );
    response.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    response.end("Method not allowed.\n");
    return;
  }
  void handle(request, response);
});
// CONNECT requests arrive as their own event (a tunnel), not as a request.
server.on("connect", (request, socket) => {
  socket.end("HTTP/1.1 405 Method Not Allowed\r\nallow: GET, HEAD, POST\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
});
server.listen(port, () => console.log(`▲ Next.js ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open: give requests in flight a moment.
    setTimeout(() => process.exit(0), 5_000).unref();
    server.closeIdleConnections();
  });
}
