import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { AdminBreadcrumb } from "./admin-breadcrumb";

/** An admin page that is one form: the breadcrumb, the header, and the form on its card. */
export function AdminFormPage({
  trail,
  current,
  title = current,
  description,
  children,
}: {
  trail: { href: string; label: string }[];
  /** The page's name in the breadcrumb; the header's title unless `title` says otherwise. */
  current: string;
  title?: string;
  description: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <AdminBreadcrumb trail={trail} current={current} />
      <PageHeader title={title} description={description} />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </>
  );
}
