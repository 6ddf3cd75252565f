import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seedCount: 0 });
});
afterAll(() => h.close());

describe('tools/list', () => {
  it('offers exactly the five tools, each fully annotated, with input and output schemas', async () => {
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['list_meetings', 'get_meeting', 'create_meeting', 'update_meeting', 'delete_meeting']);
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.description!.length).toBeGreaterThan(40);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      const hints = tool.annotations!;
      expect(hints.title).toBeTruthy();
      for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
        expect(typeof hints[hint]).toBe('boolean');
      }
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.list_meetings!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get_meeting!.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.create_meeting!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(byName.update_meeting!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.delete_meeting!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });

  it('uses the API argument names and teaches dates, zones, paging and null-clears', async () => {
    const { tools } = await h.client.listTools();
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    const props = (name: string) => Object.keys(byName[name]!.inputSchema.properties ?? {});
    expect(props('list_meetings')).toEqual(
      expect.arrayContaining([
        'prospectId',
        'ownerId',
        'meetingType',
        'meetingDateAfter',
        'meetingDateBefore',
        'limit',
        'pageToken',
        'timeZone',
      ]),
    );
    expect(props('create_meeting')).toEqual(
      expect.arrayContaining(['prospectId', 'ownerId', 'meetingType', 'meetingDate', 'timeZone', 'location', 'notes', 'userId']),
    );
    expect(byName.create_meeting!.inputSchema.required).toEqual(
      expect.arrayContaining(['prospectId', 'ownerId', 'meetingType', 'meetingDate', 'timeZone']),
    );
    expect(props('update_meeting')).not.toContain('prospectId');
    expect(props('delete_meeting')).toEqual(['meetingId', 'dryRun', 'idempotencyKey']);
    const everything = JSON.stringify(tools);
    expect(everything).toMatch(/wall-clock/);
    expect(everything).toMatch(/IANA/);
    expect(everything).toMatch(/pageToken/);
    expect(everything).toMatch(/null clears/);
  });

  it('publishes self-contained schemas (no $ref, which some clients cannot follow)', async () => {
    const { tools } = await h.client.listTools();
    expect(JSON.stringify(tools)).not.toContain('$ref');
  });
});

describe('the tools/list snapshot', () => {
  it('matches test/mcp/tools-list.snapshot.json: a change of name, description, schema or annotation shows in review', async () => {
    // After a deliberate change: npm run snapshot:update, and commit the new snapshot with it.
    const { tools } = await h.client.listTools();
    await expect(`${JSON.stringify(tools, null, 2)}\n`).toMatchFileSnapshot('./tools-list.snapshot.json');
  });
});
