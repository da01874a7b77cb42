import Link from "next/link";
import { Fragment } from "react";

/** Admin › … › the current page. The last item is the page itself. */
export function AdminBreadcrumb({ trail, current }: { trail: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link href="/admin">Admin</Link>
      {trail.map((item) => (
        <Fragment key={item.href}>
          <Separator />
          <Link href={item.href}>{item.label}</Link>
        </Fragment>
      ))}
      <Separator />
      <span aria-current="page" className="text-slate-700">
        {current}
      </span>
    </nav>
  );
}

function Separator() {
  return (
    <span aria-hidden="true" className="mx-2 text-slate-400">
      /
    </span>
  );
}
