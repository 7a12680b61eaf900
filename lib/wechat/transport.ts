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
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", fail);
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
