/** The HTTP side of bench:views: a signed-in session and timed view requests at a given concurrency. */

/** Signs in through next-auth's credentials callback and returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: base }),
  });
  keep(response);
  if (![...cookies.keys()].some((k) => k.includes("session-token")))
    throw new Error(`sign-in as ${email} failed (${response.status})`);
  return cookieHeader();
}

/**
 * Runs `urls` with `concurrency` clients, each taking the next URL when its last one answers; ms per
 * request. Every answer must have `status`.
 */
export async function timeRequests(
  urls: string[],
  concurrency: number,
  cookie: string,
  status = 200,
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, urls.length) }, async () => {
      for (let url = urls[next++]; url; url = urls[next++]) {
        const started = performance.now();
        const response = await fetch(url, { headers: cookie ? { cookie } : {} });
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (response.status !== status) throw new Error(`${url} answered ${response.status}, not ${status}`);
      }
    }),
  );
  return times;
}

/** The q-quantile (0..1) of ms, nearest rank, rounded to whole ms. */
export function percentile(ms: number[], q: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0);
}
