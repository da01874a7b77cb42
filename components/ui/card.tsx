import { clsx } from "clsx";

/** A titled panel of the console: a white card, the section named by its heading. */
export function Card({ id, title, className, children }: { id: string; title: React.ReactNode; className?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={clsx("rounded-lg border border-slate-200 bg-white p-5 shadow-sm", className)}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
