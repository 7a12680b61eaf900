import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with one datacube answer on its way back. */
export type Rewrite =
  | { kind: "pass" }
  /** Headers and the first bytes, then the connection is destroyed. */
  | { kind: "cut" }
  | { kind: "body"; body: string };

/**
 * A real HTTP server in front of the simulator that can damage datacube answers: what a
 * flaky network or a quirky WeChat front end does. Token calls pass untouched.
 */
export async function startProxy(target: string, rewrite: (endpoint: string, body: string) => Rewrite) {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(new URL(req.url ?? "/", target), {
        method: req.method,
        headers: { "content-type": "application/json" },
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      });
      const body = await upstream.text();
      const endpoint = /^\/datacube\/(\w+)/.exec(req.url ?? "")?.[1];
      const action: Rewrite = endpoint ? rewrite(endpoint, body) : { kind: "pass" };
      const out = action.kind === "body" ? action.body : body;
      res.writeHead(upstream.status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(out),
      });
      if (action.kind === "cut") {
        res.write(out.slice(0, Math.floor(out.length / 2)));
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
      res.end(out);
    })().catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
