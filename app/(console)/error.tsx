"use client";

import { ErrorContent } from "@/components/error-content";

// Inside the console layout, which keeps the header and already provides <main>.
export default function ConsoleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4">
      <ErrorContent {...props} />
    </div>
  );
}
