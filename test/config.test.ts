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
