/** The e2e server: the demo on a fresh folder with a pinned Beijing date. */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  simulatorPort: Number(process.env.E2E_SIMULATOR_PORT ?? 4100),
  /** A local webhook receiver the digests spec runs (allowed by DIGEST_WEBHOOK_HOSTS). */
  get receiverPort() {
    return this.simulatorPort + 1000;
  },
  dataDir: ".data-e2e",
  today: "2026-11-21",
  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  },
};
