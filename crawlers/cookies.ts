/** A minimal per-host cookie jar (name=value only; enough for session and challenge cookies). */

export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  private jar(host: string): Map<string, string> {
    let j = this.jars.get(host);
    if (!j) {
      j = new Map();
      this.jars.set(host, j);
    }
    return j;
  }

  set(host: string, name: string, value: string): void {
    this.jar(host).set(name, value);
  }

  /** Takes `Set-Cookie` header values (attributes ignored; Max-Age=0 / expired deletes). */
  absorb(host: string, setCookies: readonly string[]): void {
    for (const sc of setCookies) {
      const [pair, ...attrs] = sc.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || (/^\s*expires\s*=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
      if (expired) this.jar(host).delete(name);
      else this.set(host, name, value);
    }
  }

  /** The Cookie header value for a host, or undefined when the jar is empty. */
  header(host: string): string | undefined {
    const j = this.jars.get(host);
    if (!j || j.size === 0) return undefined;
    return [...j].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  list(host: string): { name: string; value: string }[] {
    return [...(this.jars.get(host) ?? new Map<string, string>())].map(([name, value]) => ({ name, value }));
  }
}
