import { clsx } from "clsx";
import type { ReactNode } from "react";

/** One of the emulator's card screens (sign-in, employer choice): its heading, a line under it, its content. */
export function SiteCard({
  id,
  title,
  description,
  width,
  children,
}: {
  /** The heading's id, which labels the card. */
  id: string;
  title: string;
  description: ReactNode;
  width: "max-w-sm" | "max-w-md";
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={clsx("mx-auto w-full rounded-xl border border-stone-200 bg-white p-6 shadow-sm", width)}>
      <h1 id={id} className="text-xl font-semibold">
        {title}
      </h1>
      <p className="mt-1 text-sm text-stone-700">{description}</p>
      {children}
    </section>
  );
}
