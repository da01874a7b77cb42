// The fault suite's world: a fresh PostgreSQL database seeded with the demo world, two instances
// of the production build on it behind one PUBLIC_URL (a small round-robin balancer), and a TCP
// proxy between the instances and PostgreSQL that a test can cut, restore and slow down, so the
// database "goes away" for the app without stopping the machine's PostgreSQL server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { createRequire } from "node:module";
import pg from "pg";

const require = createRequire(import.meta.url);

/** Asks the OS for a free loopback port. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP proxy to PostgreSQL: `cut()` refuses new connections and drops live ones. */
export class DatabaseLink {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private latencyMs = 0;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.port ||= await freePort();
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      this.relay(client, upstream);
      this.relay(upstream, client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  /** Each chunk waits `latencyMs` in each direction (0: passed straight on). */
  slow(latencyMs: number): void {
    this.latencyMs = latencyMs;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.open();
  }

  private relay(from: net.Socket, to: net.Socket) {
    from.on("data", (chunk) => {
      if (this.latencyMs === 0) to.write(chunk);
      else {
        from.pause();
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        }, this.latencyMs);
      }
    });
    from.on("end", () => to.end());
    from.on("close", () => to.destroy());
  }
}

/** One `next start` of the production build. */
export class Instance {
  private child: ChildProcess | undefined;
  /** Everything the instance wrote to stderr (its warnings and errors), for log assertions. */
  stderr = "";
  port = 0;

  constructor(
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const next = require.resolve("next/dist/bin/next");
    this.child = spawn(process.execPath, [next, "start", "--port", String(this.port), "--hostname", "127.0.0.1"], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.child.stderr!.setEncoding("utf8").on("data", (text: string) => (this.stderr += text));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}:\n${this.stderr}`);
      const up = await fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${this.name} did not answer /api/health within two minutes:\n${this.stderr}`);
  }

  /** SIGKILL: the process ends wherever it is, as a crash or an OOM kill would end it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** The public URL: each new connection goes to the next instance in turn. */
class Balancer {
  private server: http.Server | undefined;
  private next = 0;

  constructor(private readonly instances: Instance[]) {}

  /** Listens on `port`, which the instances were told as their PUBLIC_URL before they started. */
  async open(port: number): Promise<void> {
    // One connection per request (no keep-alive), so "in turn" holds per request.
    this.server = http.createServer((request, response) => {
      const target = this.instances[this.next++ % this.instances.length]!;
      const upstream = http.request(
        { host: "127.0.0.1", port: target.port, method: request.method, path: request.url, headers: request.headers, agent: false },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on("error", () => {
        if (!response.headersSent) response.writeHead(502).end();
        else response.destroy();
      });
      request.pipe(upstream);
    });
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface World {
  publicUrl: string;
  a: Instance;
  b: Instance;
  link: DatabaseLink;
  /** The database itself, directly (not through the link): for checking what was stored. */
  sql<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Runs an operator command (`npm run console -- …`) on the database. */
  operator(...args: string[]): string;
  close(): Promise<void>;
}

/** Builds the world on the PostgreSQL server `serverUrl` names (a fresh database, dropped after). */
export async function createWorld(serverUrl: string): Promise<World> {
  const name = `partner_console_faults_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const direct = new URL(serverUrl);
  direct.pathname = `/${name}`;
  const link = new DatabaseLink({ host: direct.hostname, port: Number(direct.port || 5432) });
  await link.open();
  const linked = new URL(direct);
  linked.hostname = "127.0.0.1";
  linked.port = String(link.port);

  const balancerPort = await freePort();
  const shared: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CREDENTIALS_KEY: randomBytes(32).toString("base64"),
    DATABASE_POOL_SIZE: "4",
  };
  const tsx = require.resolve("tsx/cli");
  const seeded = spawnSync(process.execPath, [tsx, "scripts/db-seed.ts"], {
    env: { ...shared, DATABASE_URL: direct.toString() },
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`db:seed failed:\n${seeded.stdout}\n${seeded.stderr}`);

  const pool = new pg.Pool({ connectionString: direct.toString(), max: 2 });
  pool.on("error", () => {});
  const instances: Instance[] = [];
  const env = { ...shared, DATABASE_URL: linked.toString(), PUBLIC_URL: `http://127.0.0.1:${balancerPort}` };
  const a = new Instance("instance A", env);
  const b = new Instance("instance B", env);
  instances.push(a, b);
  await Promise.all([a.start(), b.start()]);
  const balancer = new Balancer(instances);
  await balancer.open(balancerPort);

  return {
    publicUrl: `http://127.0.0.1:${balancerPort}`,
    a,
    b,
    link,
    async sql<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<Row>(text, values)).rows;
    },
    operator(...args: string[]) {
      const run = spawnSync(process.execPath, [tsx, "scripts/console.ts", ...args], {
        env: { ...shared, DATABASE_URL: direct.toString() },
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`console ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
      return run.stdout;
    },
    async close() {
      await balancer.close();
      await Promise.all(instances.map((instance) => instance.stop()));
      await link.cut();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
