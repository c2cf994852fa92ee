/**
 * API settings that are not storage's or auth's (those live in storage/clients.ts and
 * auth/config.ts): CORS for the add-in's origin, and which proxies may tell the API the
 * origin a caller used.
 */
export interface ApiConfig {
  /** Origins allowed by CORS (the add-in's origin). */
  allowedOrigins: string[];
  /**
   * Origins absolute links (downloadUrl, Location) may use when a proxy forwards them in
   * X-Forwarded-Host/-Proto: PERFPLAN_PUBLIC_ORIGINS plus the CORS origins. Any other
   * forwarded origin is ignored, so a forged header cannot point links elsewhere.
   */
  publicOrigins: string[];
  /**
   * PERFPLAN_TRUSTED_PROXIES: addresses or CIDR ranges of the proxies in front of the local
   * host whose X-Forwarded-* headers it passes on (from anyone else they are dropped).
   */
  trustedProxies: string[];
}

function origins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const allowedOrigins = origins(env.PERFPLAN_ALLOWED_ORIGINS ?? 'https://localhost:3000');
  return {
    allowedOrigins,
    publicOrigins: [...new Set([...origins(env.PERFPLAN_PUBLIC_ORIGINS), ...allowedOrigins.filter((o) => o !== '*')])].map((o) => o.toLowerCase()),
    trustedProxies: (env.PERFPLAN_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
  };
}
