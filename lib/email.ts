/** One spelling per address: accounts are looked up and kept unique by it. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
