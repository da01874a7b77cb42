import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** A table row's "Edit" button, named for screen readers by what it edits. */
export function EditLink({ href, name }: { href: string; name: string }) {
  return (
    <Link href={href} className={buttonClass("secondary", "px-3 py-1.5")}>
      Edit<span className="sr-only"> {name}</span>
    </Link>
  );
}
