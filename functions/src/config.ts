/**
 * API settings that are not storage's or auth's (those live in storage/clients.ts and
 * auth/config.ts): CORS for the add-in's origin.
 */
export interface ApiConfig {
  /** Origins allowed by CORS (the add-in's origin). */
  allowedOrigins: string[];
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    allowedOrigins: (env.PERFPLAN_ALLOWED_ORIGINS ?? 'https://localhost:3000')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
  };
}
