// A console session over plain HTTP (no browser): signs in as a form would and
// keeps the session cookie, for tests of what the server refuses.

function cookieFrom(res: Response, name: string): string {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [key, value] = (pair as string).split("=");
    if (key === name && value) return value;
  }
  throw new Error(`no ${name} cookie in the answer`);
}

const hidden = (page: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]+)"`).exec(page)?.[1] as string;

export interface ConsoleClient {
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, form: Record<string, string>): Promise<Response>;
}

export async function signedInFetch(url: string, key: string): Promise<ConsoleClient> {
  const signIn = await fetch(`${url}/console/sign-in`);
  const pre = cookieFrom(signIn, "casehound_console_signin");
  const token = hidden(await signIn.text(), "_csrf");
  const answer = await fetch(`${url}/console/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: `casehound_console_signin=${pre}`,
    },
    body: new URLSearchParams({ _csrf: token, key, next: "/console" }),
    redirect: "manual",
  });
  if (answer.status !== 303) throw new Error(`sign-in answered ${answer.status}`);
  const cookie = `casehound_console=${cookieFrom(answer, "casehound_console")}`;
  const get = (path: string) => fetch(`${url}${path}`, { headers: { cookie }, redirect: "manual" });
  const csrf = hidden(await (await get("/console")).text(), "_csrf");
  return {
    csrf,
    get,
    post: (path, form) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
        redirect: "manual",
      }),
  };
}
