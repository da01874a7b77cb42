import "server-only";
// Any method but POST at SEEK's three endpoints: 405 with `Allow: POST`, in the endpoint's own
// error shape, and recorded like every other request.
import type { SeekEndpoint } from "./store";
import { NO_STORE } from "../../oauth/http";
import { recordRequest, tracingHeaders } from "./records";

const MESSAGE = "Only POST is allowed here.";

export async function methodNotAllowed(request: Request, endpoint: SeekEndpoint, route: string): Promise<Response> {
  await recordRequest(
    { endpoint, at: new Date(), credential: null, httpStatus: 405, errorCode: "method_not_allowed", errorMessage: MESSAGE, ...tracingHeaders(request) },
    route,
  );
  const headers = { ...NO_STORE, Allow: "POST" };
  const body =
    endpoint === "GRAPHQL"
      ? { errors: [{ message: MESSAGE, extensions: { code: "METHOD_NOT_ALLOWED" } }] }
      : { error: "invalid_request", error_description: MESSAGE };
  return Response.json(body, { status: 405, headers });
}
