import "server-only";
// The Indeed emulator's route handlers the token tool dispatches to in-process.
import { INDEED_ROUTES } from "../../providers/indeed/routes";
import type { RouteTable } from "../transport";

export async function indeedRoutes(): Promise<RouteTable> {
  return INDEED_ROUTES;
}
