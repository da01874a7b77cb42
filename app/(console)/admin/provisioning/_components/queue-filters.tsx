import Form from "next/form";
import Link from "next/link";
import type { QueueFilters } from "@/lib/data/provisioning";
import { PROVIDER_LABELS, PROVIDERS, STATUS_LABELS } from "@/lib/status";
import { labelledOptions, namedOptions, SelectField, type SelectOption } from "@/components/ui/select-field";
import { buttonClass } from "@/components/ui/button";
import { FILTER_PARAMS, QUEUE_STATUSES } from "../_lib/filters";

export interface FilterOptions {
  services: { id: string; name: string; provider: keyof typeof PROVIDER_LABELS }[];
  partners: { id: string; name: string }[];
}

/** Each filter: the field it sets, its label, the choice of none, and its choices. */
function filterFields(options: FilterOptions): { key: keyof QueueFilters; label: string; all: string; options: SelectOption[] }[] {
  return [
    { key: "provider", label: "Provider", all: "All providers", options: labelledOptions(PROVIDERS, PROVIDER_LABELS) },
    {
      key: "serviceId",
      label: "Service",
      all: "All services",
      options: options.services.map((s) => ({ value: s.id, label: `${s.name} (${PROVIDER_LABELS[s.provider]})` })),
    },
    { key: "partnerId", label: "Partner", all: "All partners", options: namedOptions(options.partners) },
    { key: "status", label: "Status", all: "Both statuses", options: labelledOptions(QUEUE_STATUSES, STATUS_LABELS) },
  ];
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
      {filterFields(options).map((f) => (
        <SelectField key={f.key} label={f.label} name={FILTER_PARAMS[f.key]} defaultValue={filters[f.key] ?? ""} emptyOption={f.all} options={f.options} />
      ))}
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
