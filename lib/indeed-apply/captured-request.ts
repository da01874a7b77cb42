// A request as a partner captured it (a request bin, a proxy log, `nc -l`): a request line,
// header lines, an empty line and the body. Returns the body exactly as pasted after the first
// empty line and the X-Indeed-Signature header, if there is one.
export type CapturedRequest = { body: string; signature: string | null };

export function parseCapturedRequest(raw: string): CapturedRequest | null {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return null;
  const head = raw.slice(0, match.index);
  const body = raw.slice(match.index + match[0].length);
  const lines = head.split(/\r?\n/);
  if (!/^[A-Z]+ \S+( HTTP\/\d(\.\d)?)?$/.test(lines[0]?.trim() ?? "")) return null;
  let signature: string | null = null;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    if (line.slice(0, colon).trim().toLowerCase() === "x-indeed-signature") signature = line.slice(colon + 1).trim();
  }
  return { body, signature };
}
