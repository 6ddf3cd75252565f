import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_BASE_URL,
  DEFAULT_CALL_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  loadConfig,
} from '../src/config.js';
import { allTools } from '../src/tools/index.js';

const TOOL_NAMES = allTools.map((tool) => tool.name);

describe('loadConfig', () => {
  it('has defaults', () => {
    expect(loadConfig({}, [], TOOL_NAMES)).toMatchObject({
      apiKey: undefined,
      baseUrl: DEFAULT_BASE_URL,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      callTimeoutMs: DEFAULT_CALL_TIMEOUT_MS,
      maxRetries: DEFAULT_MAX_RETRIES,
      userId: undefined,
      sandbox: false,
    });
  });

  it('reads the environment and flags', () => {
    const config = loadConfig(
      {
        HIRINGCENTER_API_KEY: ' k ',
        HIRINGCENTER_BASE_URL: 'http://127.0.0.1:9/v2/',
        HIRINGCENTER_TIMEOUT_MS: '2500',
        HIRINGCENTER_USER_ID: 'u1',
        HIRINGCENTER_MAX_RETRIES: '0',
        HIRINGCENTER_CALL_TIMEOUT_MS: '45000',
      },
      ['--sandbox'],
      TOOL_NAMES,
    );
    expect(config).toMatchObject({
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9/v2',
      timeoutMs: 2500,
      callTimeoutMs: 45000,
      maxRetries: 0,
      userId: 'u1',
      sandbox: true,
    });
  });

  it.each([
    [{ HIRINGCENTER_TIMEOUT_MS: 'soon' }, [], /HIRINGCENTER_TIMEOUT_MS/],
    [{ HIRINGCENTER_TIMEOUT_MS: '0' }, [], /HIRINGCENTER_TIMEOUT_MS/],
    [{ HIRINGCENTER_MAX_RETRIES: '11' }, [], /HIRINGCENTER_MAX_RETRIES must be a whole number from 0 to 10/],
    [{ HIRINGCENTER_MAX_RETRIES: '-1' }, [], /HIRINGCENTER_MAX_RETRIES/],
    [{ HIRINGCENTER_CALL_TIMEOUT_MS: '1.5' }, [], /HIRINGCENTER_CALL_TIMEOUT_MS/],
    [{ HIRINGCENTER_BASE_URL: 'api.example' }, [], /HIRINGCENTER_BASE_URL/],
    [{ HIRINGCENTER_BASE_URL: 'ftp://x/v2' }, [], /https/],
    [{ HIRINGCENTER_BASE_URL: 'https://user:pw@x/v2' }, [], /credentials/],
    [{}, ['--sandbx'], /unknown flag "--sandbx".*--help/],
  ])('refuses %j %j with a one-line fix', (env, argv, message) => {
    expect(() => loadConfig(env, argv, TOOL_NAMES)).toThrow(ConfigError);
    expect(() => loadConfig(env, argv, TOOL_NAMES)).toThrow(message);
  });
});

describe('loadConfig: OAuth for hosted mode', () => {
  const SECRET = 'Zq8vT2mN5xR7kW1pL4cY9bH3jF6dS0aE';
  const http = (env: Record<string, string>, argv: string[] = []) => loadConfig(env, ['--http', ...argv], TOOL_NAMES).command;

  it('is on with a strong secret, and takes the previous secret, Redis and the public address', () => {
    expect(
      http({
        HIRINGCENTER_OAUTH_SECRET: SECRET,
        HIRINGCENTER_OAUTH_PREVIOUS_SECRET: `${SECRET}-old`,
        HIRINGCENTER_REDIS_URL: 'redis://redis.internal:6379',
        HIRINGCENTER_PUBLIC_URL: 'https://mcp.example.com/mcp',
      }),
    ).toMatchObject({
      publicUrl: 'https://mcp.example.com',
      oauth: {
        secret: SECRET,
        previousSecret: `${SECRET}-old`,
        redisUrl: 'redis://redis.internal:6379',
        allowPrivateClientDocuments: false,
      },
    });
    expect(http({})).toMatchObject({ oauth: undefined });
  });

  it.each([
    [
      { HIRINGCENTER_OAUTH_SECRET: 'short' },
      /HIRINGCENTER_OAUTH_SECRET is too weak \(about 23 bits of randomness.*openssl rand -base64 48/,
    ],
    [{ HIRINGCENTER_OAUTH_SECRET: 'ab'.repeat(20) }, /too weak \(it repeats a few characters/],
    [{ HIRINGCENTER_OAUTH_PREVIOUS_SECRET: SECRET }, /HIRINGCENTER_OAUTH_SECRET is not; make one with `openssl rand -base64 48`/],
    [{ HIRINGCENTER_OAUTH_SECRET: SECRET, HIRINGCENTER_OAUTH_PREVIOUS_SECRET: SECRET }, /equals/],
    [{ HIRINGCENTER_OAUTH_SECRET: SECRET, HIRINGCENTER_REDIS_URL: 'localhost:6379' }, /redis:\/\/host:6379/],
    [{ HIRINGCENTER_OAUTH_SECRET: SECRET, HIRINGCENTER_PUBLIC_URL: 'http://mcp.example.com' }, /must be https:\/\/ with OAuth/],
    [{ HIRINGCENTER_OAUTH_SECRET: SECRET, HIRINGCENTER_PUBLIC_URL: 'https://mcp.example.com/team/mcp' }, /has a path/],
    [{ HIRINGCENTER_OAUTH_SECRET: SECRET, HIRINGCENTER_HTTP_HOST: '0.0.0.0' }, /set HIRINGCENTER_PUBLIC_URL/],
  ])('refuses %j, saying how to fix it', (env, message) => {
    expect(() => http(env)).toThrow(message);
  });
});
