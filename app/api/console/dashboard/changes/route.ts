// GET: status changes on the user's apps since they last marked them as seen. 401 JSON without
// a session.
import { loadUnseenChanges } from "@/lib/views/dashboard";
import { forUser, json } from "../../_lib/respond";

export async function GET() {
  return forUser("GET /api/console/dashboard/changes", async (user) => json(await loadUnseenChanges(user)));
}
