import type { ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "./admin-breadcrumb";

/**
 * An admin page listing entries: the breadcrumb and the header under one title, and `saved`,
 * the message shown when a form has just saved an entry and redirected here.
 */
export function AdminListPage({
  title,
  description,
  actions,
  saved,
  children,
}: {
  title: string;
  description: ReactNode;
  actions: ReactNode;
  saved?: string;
  children: ReactNode;
}) {
  return (
    <>
      <AdminBreadcrumb trail={[]} current={title} />
      <PageHeader title={title} description={description} actions={actions} />
      {saved ? (
        <div className="mb-4">
          <FormMessage result={{ ok: true, message: saved }} />
        </div>
      ) : null}
      {children}
    </>
  );
}
