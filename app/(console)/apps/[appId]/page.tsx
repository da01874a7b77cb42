import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findApp } from "@/lib/data/apps";

export default async function AppPage({ params }: PageProps<"/apps/[appId]">) {
  const { appId } = await params;
  const user = await requireUser();
  const app = await findApp(user, appId);
  if (!app) notFound();
  redirect(app.provider === "SEEK" && app._count.services === 0 ? `/apps/${app.id}/credentials` : `/apps/${app.id}/services`);
}
