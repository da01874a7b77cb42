// A request body sent chunked (no Content-Length), produced only as it is pulled: `pulled` says
// how much of it a reader asked for and `cancelled` whether the reader stopped the upload, so a
// test can tell a reader that stopped at its limit from one that read everything first.

export const UPLOAD_CHUNK_BYTES = 1024;

export function chunkedUpload(totalBytes: number, byte = 0x61) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= totalBytes) return controller.close();
      const size = Math.min(UPLOAD_CHUNK_BYTES, totalBytes - state.pulled);
      state.pulled += size;
      controller.enqueue(new Uint8Array(size).fill(byte));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

/** The most a reader limited to `maxBytes` may pull: the chunk that crossed it and one queued ahead. */
export function pulledAtMost(maxBytes: number): number {
  return maxBytes + 2 * UPLOAD_CHUNK_BYTES;
}

/** A POST whose body is the stream (Node's fetch needs `duplex: "half"` for a streamed body). */
export function streamedPost(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>): Request {
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}
