import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { registryVariables, SETTINGS } from '../../src/config.js';

// ajv-formats is CommonJS; its plugin is also its `default` property, which is how TypeScript's ESM view types it.
const addFormats = ajvFormats.default;
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('server.json (the MCP Registry entry)', () => {
  const schemaText = read('docs/registry/server.schema.json');
  const server = JSON.parse(read('server.json')) as {
    $schema: string;
    name: string;
    version: string;
    packages: { identifier: string; version: string; environmentVariables: { name: string }[] }[];
    remotes: { type: string; url: string }[];
  };
  const pkg = JSON.parse(read('package.json')) as { name: string; version: string; mcpName: string };

  it('is checked against the pinned copy of the published 2025-12-11 schema, unchanged', () => {
    // docs/registry/README.md says where the copy came from; this digest is the published file's.
    expect(createHash('sha256').update(schemaText).digest('hex')).toBe('3fba09590c99f61735d234822279f4223fab9e300c0a81e81c91ab62a4114de0');
    const schema = JSON.parse(schemaText) as { $id: string };
    expect(server.$schema).toBe(schema.$id);
  });

  it('validates against that schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(schemaText) as object);
    const valid = validate(server);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the npm package, its version and its variables as package.json and the settings table do', () => {
    // The registry proves npm ownership by package.json's mcpName.
    expect(server.name).toBe(pkg.mcpName);
    expect(server.version).toBe(pkg.version);
    expect(server.packages[0]?.identifier).toBe(pkg.name);
    expect(server.packages[0]?.version).toBe(pkg.version);
    expect(server.packages[0]?.environmentVariables).toEqual(registryVariables());
    expect(server.packages[0]?.environmentVariables.map((v) => v.name)).toContain(SETTINGS.apiKey.env);
    expect(server.remotes[0]).toMatchObject({ type: 'streamable-http', url: 'https://{host}/mcp' });
  });

  it('refuses what the registry refuses (the check has teeth)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(schemaText) as object);
    expect(validate({ ...server, name: 'no-slash' })).toBe(false);
    expect(validate({ ...server, description: 'x'.repeat(101) })).toBe(false);
    expect(validate({ ...server, packages: [{ ...server.packages[0], version: 'latest' }] })).toBe(false);
  });
});
