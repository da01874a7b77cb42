"use client";

// TanStack Query for the console's live views (dashboard, services tab). One client per mount of
// the console layout, never a module-level one: signing out leaves the layout, so the next user
// of the browser never sees the previous one's cached data.
import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

/** 401, 403 and 404 will not get better by asking again. */
function isFinal(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 401 || status === 403 || status === 404;
}

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered data is fresh: no request right after hydration.
        staleTime: 4_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => !isFinal(error) && failureCount < 2,
      },
    },
  });
}

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
