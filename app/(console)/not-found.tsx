import { NotFoundContent } from "@/components/not-found-content";

// Rendered inside the console layout, which already provides the page's <main>.
export default function ConsoleNotFound() {
  return <NotFoundContent />;
}
