// The guard against requests into the console's own network. Every server here listens on
// 127.0.0.1 and every refused address is refused before a socket opens, so these tests send no
// traffic anywhere but this machine. "Setting off" is `allowPrivateAddresses: false`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy";
import { buildConnector } from "undici";
import { guardConnector, isBlockedAddressError, outboundFetch } from "./outbound-fetch";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
const seen: Array<{ url: string; headers: IncomingMessage["headers"]; body: string }> = [];
const routes = new Map<string, Handler>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body });
      const handler = routes.get(req.url ?? "") ?? ((_q, r) => r.writeHead(404).end("no such route"));
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set("/ok", (_q, r, body) => r.writeHead(200, { "content-type": "text/plain" }).end(`got ${body}`));
  routes.set("/to-metadata", (_q, r) => r.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end());
  routes.set("/slow", (_q, r) => setTimeout(() => r.writeHead(200).end("late"), 1_500));
  routes.set("/big", (_q, r) => r.writeHead(200).end("x".repeat(10_000)));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const off = { allowPrivateAddresses: false } as const;
const on = { allowPrivateAddresses: true } as const;

describe("address policy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private network"],
    ["172.16.0.1", "private network"],
    ["192.168.1.1", "private network"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["169.254.169.254", "cloud metadata"],
    ["169.254.10.10", "link-local"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:10.0.0.1", "private network"],
    ["fd12:3456::1", "private network"],
    ["fe80::1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["192.0.2.1", "reserved"],
    ["64:ff9b::a00:1", "reserved"],
    ["2002:a00:1::", "reserved"],
  ])("refuses %s with private addresses off", (address, what) => {
    const verdict = checkAddress(address, { allowPrivate: false });
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain(what);
  });

  it.each(["8.8.8.8", "2606:4700::1111"])("allows the public address %s", (address) => {
    expect(checkAddress(address, { allowPrivate: false })).toEqual({ allowed: true });
  });

  it("allows loopback and private ranges only with the development setting", () => {
    for (const a of ["127.0.0.1", "::1", "10.0.0.1", "192.168.0.10", "fd00::1"]) {
      expect(checkAddress(a, { allowPrivate: true })).toEqual({ allowed: true });
    }
  });

  it("keeps metadata, link-local and reserved addresses refused even with the setting on", () => {
    for (const a of ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "169.254.1.1", "0.0.0.0", "fe80::1", "240.0.0.1"]) {
      expect(checkAddress(a, { allowPrivate: true }).allowed).toBe(false);
    }
  });

  it("refuses what is not an address", () => {
    expect(checkAddress("0x7f.1", { allowPrivate: true }).allowed).toBe(false);
    expect(checkAddress("example.com", { allowPrivate: true }).allowed).toBe(false);
  });
});

describe("outboundFetch with private addresses off", () => {
  it.each([
    ["loopback", () => `${base}/ok`],
    ["10.x", () => "http://10.0.0.1/"],
    ["the metadata address", () => "http://169.254.169.254/latest/meta-data/"],
    ["[::1]", () => `http://[::1]:${new URL(base).port}/ok`],
    ["an IPv4-mapped loopback", () => `http://[::ffff:127.0.0.1]:${new URL(base).port}/ok`],
    ["a decimal-encoded loopback", () => `http://2130706433:${new URL(base).port}/ok`],
  ])("refuses %s before connecting", async (_what, url) => {
    const before = seen.length;
    const result = await outboundFetch(url(), { method: "POST", body: "{}" }, off);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.kind).toBe("blocked_address");
    expect(seen.length).toBe(before);
  });

  it("refuses a name that resolves to a private address", async () => {
    const result = await outboundFetch("http://partner.example.test/apply", {}, {
      ...off,
      resolve: async () => [{ address: "10.20.30.40", family: 4 }],
    });
    expect(result).toMatchObject({ ok: false, kind: "blocked_address" });
    if (!result.ok) expect(result.message).toContain("partner.example.test resolves to 10.20.30.40");
  });

  it("refuses a name whose answers mix a public and a private address", async () => {
    const result = await outboundFetch("http://mixed.example.test/", {}, {
      ...off,
      // Loopback first: were the check broken, the connection would stay on this machine.
      resolve: async () => [
        { address: "127.0.0.1", family: 4 },
        { address: "93.184.215.14", family: 4 },
      ],
    });
    expect(result).toMatchObject({ ok: false, kind: "blocked_address" });
  });

  it("refuses localhost, resolved by the system resolver", async () => {
    const before = seen.length;
    const result = await outboundFetch(`http://localhost:${new URL(base).port}/ok`, {}, off);
    expect(result).toMatchObject({ ok: false, kind: "blocked_address" });
    expect(seen.length).toBe(before);
  });

  it("checks the connected socket too: an answer that changed after the lookup gets nowhere", async () => {
    // As if the name had been judged public and the connection still landed on loopback (a
    // rebinding race): the socket check destroys the socket before a byte is written.
    const before = seen.length;
    const port = Number(new URL(base).port);
    const landsOnLoopback = buildConnector({});
    const guarded = guardConnector((opts, cb) => landsOnLoopback({ ...opts, hostname: "127.0.0.1", port: String(port) }, cb), {
      allowPrivate: false,
    });
    const error = await new Promise<Error | null>((resolve) =>
      guarded({ hostname: "rebind.example.test", host: "rebind.example.test", protocol: "http:", port: String(port) }, (...args) => resolve(args[0])),
    );
    expect(isBlockedAddressError(error)).toBe(true);
    expect(error?.message).toContain("the connection went to 127.0.0.1, a loopback address");
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.length).toBe(before);
  });
});

describe("outboundFetch with private addresses on", () => {
  it("sends the request with only the caller's headers, and reads the answer", async () => {
    const result = await outboundFetch(
      `${base}/ok`,
      { method: "POST", headers: { "content-type": "application/json", cookie: "session=abc", Host: "evil.test", "x-test": "1" }, body: '{"a":1}' },
      on,
    );
    expect(result).toMatchObject({ ok: true, status: 200, redirectTo: null, truncated: false, remoteAddress: "127.0.0.1" });
    if (result.ok) expect(result.text()).toBe('got {"a":1}');
    const last = seen.at(-1)!;
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers.host).toBe(new URL(base).host);
    expect(last.headers["x-test"]).toBe("1");
    expect(last.headers["content-type"]).toBe("application/json");
  });

  it("reports a redirect without following it, even to the metadata address", async () => {
    const before = seen.length;
    const result = await outboundFetch(`${base}/to-metadata`, { method: "POST", body: "{}" }, on);
    expect(result).toMatchObject({ ok: true, status: 302, redirectTo: "http://169.254.169.254/latest/meta-data/" });
    expect(seen.length).toBe(before + 1);
  });

  it("times out a slow endpoint", async () => {
    const result = await outboundFetch(`${base}/slow`, {}, { ...on, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, kind: "timeout" });
    if (!result.ok) {
      expect(result.message).toContain("did not answer within 0.3 s");
      expect(result.durationMs).toBeLessThan(1_400);
    }
  });

  it("caps the response it reads", async () => {
    const failed = await outboundFetch(`${base}/big`, {}, { ...on, maxResponseBytes: 1024 });
    expect(failed).toMatchObject({ ok: false, kind: "too_large" });
    const cut = await outboundFetch(`${base}/big`, {}, { ...on, maxResponseBytes: 1024, truncate: true });
    expect(cut).toMatchObject({ ok: true, truncated: true });
    if (cut.ok) expect(cut.body.length).toBe(1024);
  });

  it("names a refused connection", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await outboundFetch(`http://127.0.0.1:${port}/`, {}, on);
    expect(result).toMatchObject({ ok: false, kind: "refused" });
  });

  it("names a name that does not resolve", async () => {
    const result = await outboundFetch("http://nowhere.example.test/", {}, {
      ...on,
      resolve: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example.test"), { code: "ENOTFOUND" });
      },
    });
    expect(result).toMatchObject({ ok: false, kind: "dns" });
  });

  it("names a TLS failure", async () => {
    // An https URL on a plain-HTTP port: the handshake fails on this machine, nowhere else.
    const result = await outboundFetch(`https://127.0.0.1:${new URL(base).port}/ok`, {}, on);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(["tls", "connection_closed"]).toContain(result.kind);
    if (!result.ok && result.kind === "tls") expect(result.message).toContain("TLS");
  });

  it("allows only http and https, and no credentials in the URL", async () => {
    for (const url of ["file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:70/", "javascript:alert(1)"]) {
      expect(await outboundFetch(url, {}, on)).toMatchObject({ ok: false, kind: "blocked_scheme" });
    }
    expect(await outboundFetch(`http://user:pw@127.0.0.1:${new URL(base).port}/ok`, {}, on)).toMatchObject({
      ok: false,
      kind: "invalid_url",
    });
    expect(await outboundFetch("not a url", {}, on)).toMatchObject({ ok: false, kind: "invalid_url" });
  });
});
