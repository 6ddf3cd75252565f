import { ProtocolError } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolSourceOf } from '../../src/mcp/describe-tools.js';
import { buildInventory } from '../../src/mcp/inventory.js';
import { allPrompts } from '../../src/prompts/index.js';
import { allResourceTemplates } from '../../src/resources/index.js';
import { allTools } from '../../src/tools/index.js';
import { connectServer, startHarness, type Connected, type Harness } from '../helpers/harness.js';

describe('tools, prompts and resource templates follow one selection', () => {
  let h: Harness;
  let listOnly: Connected;
  beforeAll(async () => {
    h = await startHarness({ seedCount: 5 });
    listOnly = await connectServer(h.sandbox.baseUrl, { allow: ['list_meetings'] });
  });
  afterAll(async () => {
    await listOnly.close();
    await h.close();
  });

  it('--tools list_meetings offers no template, prompt or listed resource that needs get_meeting', async () => {
    const { resourceTemplates } = await listOnly.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual([
      'hiringcenter://owners/{ownerId}/meetings',
      'hiringcenter://prospects/{prospectId}/meetings',
    ]);
    expect((await listOnly.client.listPrompts()).prompts.map((p) => p.name)).toEqual(['weekly_agenda']);
    await listOnly.call('list_meetings', { limit: 3 });
    expect((await listOnly.client.listResources()).resources).toEqual([]);
    const id = h.seeded[0]!.id;
    const read = listOnly.client.readResource({ uri: `hiringcenter://meetings/${id}` });
    await expect(read).rejects.toMatchObject({ code: -32602 });
    await expect(read).rejects.not.toThrow(/get_meeting is not enabled/);
    // A template that is offered still reads.
    const owner = await listOnly.client.readResource({ uri: `hiringcenter://owners/${h.seeded[0]!.ownerId}/meetings` });
    expect(owner.contents[0]).toMatchObject({ mimeType: 'text/plain' });
  });
});

describe('errors from prompts and resources are sentences, without the code written in twice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ seedCount: 5 });
  });
  afterAll(() => h.close());

  it('prompts/get and resources/read errors carry their code once', async () => {
    const failures = [
      h.client.getPrompt({ name: 'nope' }),
      h.client.getPrompt({ name: 'weekly_agenda', arguments: { ownerId: 'o', timeZone: 'EST' } }),
      h.client.readResource({ uri: 'hiringcenter://nothing/here' }),
      h.client.readResource({ uri: 'hiringcenter://meetings/%zz' }),
    ];
    for (const failure of failures) {
      const error = await failure.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProtocolError);
      // SDK v2 sends and shows the message as written: a sentence, its code apart (v1 wrote "MCP error -32602: " in).
      expect((error as ProtocolError).code).toBeGreaterThan(-32800);
      expect((error as ProtocolError).message).not.toMatch(/MCP error|-32\d{3}/);
      expect((error as ProtocolError).message).toMatch(/^[A-Z"a-z]/);
    }
  });
});

describe('the inventory is the one selection', () => {
  const source = toolSourceOf(allTools);
  it('says a sign-in grants read-only access exactly when no tool offered writes', () => {
    expect(buildInventory(source, { readOnly: false, allow: undefined }).readOnly).toBe(false);
    expect(buildInventory(source, { readOnly: true, allow: undefined }).readOnly).toBe(true);
    // An allow-list of reads alone grants no more than --read-only does.
    expect(buildInventory(source, { readOnly: false, allow: ['list_meetings', 'get_meeting'] }).readOnly).toBe(true);
  });

  it('offers prompts and templates only with every tool they name, and lists meetings only with both it needs', () => {
    const reads = buildInventory(source, { readOnly: false, allow: ['list_meetings'] });
    expect(reads.prompts(allPrompts).map((prompt) => prompt.name)).toEqual(['weekly_agenda']);
    expect(reads.templates(allResourceTemplates).every((template) => template.tool === 'list_meetings')).toBe(true);
    expect(reads.listsMeetings).toBe(false);
    expect(buildInventory(source, { readOnly: true, allow: undefined }).listsMeetings).toBe(true);
  });
});
