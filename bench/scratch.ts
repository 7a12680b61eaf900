/** A throwaway PostgreSQL database on the server of adminUrl, for one benchmark run. */
export async function createScratchDatabase(adminUrl: string) {
  const { Client } = await import("pg");
  const name = `readout_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
