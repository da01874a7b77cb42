"use client";

import { ErrorContent } from "@/components/error-content";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="flex min-h-[60vh] items-center justify-center px-4">
      <ErrorContent {...props} />
    </main>
  );
}
