// The one way a route handler reads a request body: streamed with a byte limit, and abandoned
// the moment the limit is passed, whether the client declared a Content-Length or sent the body
// chunked. Nothing else in the code base calls request.text(), .json(), .formData() or
// .arrayBuffer(), which would read a body of any size to its end before anyone could check it.
//
// Modes, each with its own media type check:
//   readUrlEncoded(request, { maxBytes })  application/x-www-form-urlencoded → URLSearchParams
//   readJson(request, { maxBytes })        application/json (or any +json type) → unknown
//   readText(request, { maxBytes })        any media type, strict UTF-8 → string
//   readBytes(request, { maxBytes })       the raw bytes
//
// Every failure is a BodyError with a `problem` ("too-large", "unsupported-media-type",
// "malformed") and the matching HTTP status (413, 415, 400). Each endpoint maps it to its own
// answer: a token endpoint to RFC 6749's invalid_request, a GraphQL endpoint to its error
// shape, a page's form post to an error page. Bodies must be valid UTF-8 in the text modes:
// invalid bytes are refused, never replaced with U+FFFD, so no parameter changes on the way in.
// JSON's result is unvalidated: parse it with a zod schema before use.
//
// The limit counts bytes on the wire after any transfer coding (what the stream yields).
// See docs/decisions/018.

export type BodyProblem = "too-large" | "unsupported-media-type" | "malformed";

const STATUS: Record<BodyProblem, 400 | 413 | 415> = {
  "too-large": 413,
  "unsupported-media-type": 415,
  malformed: 400,
};

export class BodyError extends Error {
  override name = "BodyError";
  readonly status: 400 | 413 | 415;
  constructor(
    readonly problem: BodyProblem,
    message: string,
  ) {
    super(message);
    this.status = STATUS[problem];
  }
}

export function isBodyError(error: unknown): error is BodyError {
  return error instanceof BodyError;
}

export interface BodyLimit {
  /** The largest body accepted, in bytes. */
  maxBytes: number;
}

/** The request's media type, lower-cased and without parameters, or undefined. */
export function mediaType(request: Request): string | undefined {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type || undefined;
}

function tooLarge(maxBytes: number): BodyError {
  return new BodyError("too-large", `The request body is larger than ${maxBytes} bytes.`);
}

/** Stops the upload: the client's remaining bytes are never read. */
async function abandon(stream: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null) {
  try {
    await stream?.cancel();
  } catch {
    // The stream is already closed or errored; there is nothing left to stop.
  }
}

/** The body's bytes, at most `maxBytes` of them; a longer body is refused unread past the limit. */
export async function readBytes(request: Request, { maxBytes }: BodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared.trim()) || Number(declared) > maxBytes)) {
    await abandon(request.body);
    if (!/^\d+$/.test(declared.trim())) throw new BodyError("malformed", "The Content-Length header is not a number.");
    throw tooLarge(maxBytes);
  }
  if (request.body === null) return new Uint8Array(0);
  if (request.bodyUsed) throw new BodyError("malformed", "The request body was already read.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new BodyError("malformed", "The request body ended before it was complete.");
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > maxBytes) {
      await abandon(reader);
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text; bytes that are not UTF-8 are refused rather than replaced. */
export async function readText(request: Request, limit: BodyLimit): Promise<string> {
  const bytes = await readBytes(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new BodyError("malformed", "The request body is not valid UTF-8.");
  }
}

async function refuseType(request: Request, expected: string): Promise<never> {
  await abandon(request.body);
  throw new BodyError("unsupported-media-type", `The request body must be ${expected}.`);
}

/**
 * An `application/x-www-form-urlencoded` body. Percent-escapes that do not decode to UTF-8 are
 * refused (URLSearchParams alone would turn them into U+FFFD).
 */
export async function readUrlEncoded(request: Request, limit: BodyLimit): Promise<URLSearchParams> {
  if (mediaType(request) !== "application/x-www-form-urlencoded") {
    return refuseType(request, "application/x-www-form-urlencoded");
  }
  const text = await readText(request, limit);
  if (!isWellFormedUrlEncoding(text)) {
    throw new BodyError("malformed", "The form body's percent-encoding is not valid UTF-8.");
  }
  return new URLSearchParams(text);
}

/** An `application/json` (or `…+json`) body, parsed but not validated. */
export async function readJson(request: Request, limit: BodyLimit): Promise<unknown> {
  const type = mediaType(request);
  if (type !== "application/json" && !(type?.startsWith("application/") && type.endsWith("+json"))) {
    return refuseType(request, "application/json");
  }
  const text = await readText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError("malformed", "The request body is not valid JSON.");
  }
}

/**
 * Whether every `%XX` escape in a urlencoded string is complete and the escapes decode to
 * UTF-8. A lone `%` not followed by two hex digits is refused too: it is no encoding of anything.
 */
export function isWellFormedUrlEncoding(text: string): boolean {
  for (const part of text.split(/[&=]/)) {
    try {
      decodeURIComponent(part.replaceAll("+", " "));
    } catch {
      return false;
    }
  }
  return true;
}
