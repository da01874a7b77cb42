import Form from "next/form";
import Link from "next/link";
import type { QueueFilters } from "@/lib/data/provisioning";
import { PROVIDER_LABELS, PROVIDERS, STATUS_LABELS } from "@/lib/status";
import { SelectField } from "@/components/ui/select-field";
import { buttonClass } from "@/components/ui/button";
import { FILTER_PARAMS, QUEUE_STATUSES } from "../_lib/filters";

export interface FilterOptions {
  services: { id: string; name: string; provider: keyof typeof PROVIDER_LABELS }[];
  partners: { id: string; name: string }[];
}

/** A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked and shared. */
export function QueueFiltersForm({ filters, options, active }: { filters: QueueFilters; options: FilterOptions; active: boolean }) {
  return (
    <Form
      action="/admin/provisioning"
      role="search"
      aria-label="Filter the queue"
      className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <SelectField label="Provider" name={FILTER_PARAMS.provider} defaultValue={filters.provider ?? ""}>
        <option value="">All providers</option>
        {PROVIDERS.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABELS[p]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Service" name={FILTER_PARAMS.serviceId} defaultValue={filters.serviceId ?? ""}>
        <option value="">All services</option>
        {options.services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({PROVIDER_LABELS[s.provider]})
          </option>
        ))}
      </SelectField>
      <SelectField label="Partner" name={FILTER_PARAMS.partnerId} defaultValue={filters.partnerId ?? ""}>
        <option value="">All partners</option>
        {options.partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" name={FILTER_PARAMS.status} defaultValue={filters.status ?? ""}>
        <option value="">Both statuses</option>
        {QUEUE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {active ? (
          <Link href="/admin/provisioning" className={buttonClass("ghost")}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
