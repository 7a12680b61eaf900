import http from "node:http";
import https from "node:https";

interface TransportRequest {
  url: URL;
  method: "GET" | "POST";
  body?: string;
  timeoutMs: number;
}

interface TransportResponse {
  status: number;
  body: string;
}

/** Sends one HTTP request and reads the whole answer as text. */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

export class TransportTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "TransportTimeoutError";
  }
}

/** The server (or something between) closed the connection in the middle of the answer. */
export class ConnectionClosedError extends Error {
  constructor(received: number) {
    super(`the connection closed before the answer was complete (${received} bytes received)`);
    this.name = "ConnectionClosedError";
  }
}

// Keep-alive connections: a sync makes hundreds of calls to one host.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 32 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

/**
 * node:http rather than fetch: on the small machines Readout runs on, fetch costs a few
 * milliseconds more per call, which adds up over thousands of calls.
 */
export const nodeTransport: Transport = ({ url, method, body, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const secure = url.protocol === "https:";
    const request = (secure ? https : http).request(
      url,
      {
        method,
        agent: agents[secure ? "https:" : "http:"],
        headers:
          body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let received = 0;
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          received += chunk.length;
        });
        res.on("end", () => {
          clearTimeout(timer);
          if (!res.complete) return fail(new ConnectionClosedError(received));
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        });
        // A cut connection surfaces as "aborted"/ECONNRESET, or as a close without an end.
        res.on("error", () => fail(new ConnectionClosedError(received)));
        res.on("close", () => {
          if (!res.complete) fail(new ConnectionClosedError(received));
        });
      },
    );
    const timer = setTimeout(() => request.destroy(new TransportTimeoutError(timeoutMs)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on("error", fail);
    request.end(body);
  });
