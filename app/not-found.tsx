import { NotFoundContent } from "@/components/not-found-content";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <NotFoundContent />
    </main>
  );
}
