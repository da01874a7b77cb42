import { clsx } from "clsx";
import { SEEK_RELATIONSHIP_LABELS, SEEK_RELATIONSHIP_TYPES } from "@/lib/credentials/seek";

/** One checkbox per SEEK relationship type, checked where `selected` has it; for a fieldset. */
export function SeekRelationshipBoxes({ name, selected, className }: { name: string; selected: readonly string[]; className?: string }) {
  return (
    <div className={clsx("flex flex-wrap gap-x-4 gap-y-1", className)}>
      {SEEK_RELATIONSHIP_TYPES.map((type) => (
        <label key={type} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={name} value={type} defaultChecked={selected.includes(type)} className="size-4 accent-brand-600" />
          {SEEK_RELATIONSHIP_LABELS[type]}
        </label>
      ))}
    </div>
  );
}
