// Liveness for load balancers (and the token benchmark's baseline): answers without touching
// the database, so it says the process serves requests, nothing more.
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
