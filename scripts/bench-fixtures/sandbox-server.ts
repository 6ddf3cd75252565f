// The emulator in a process of its own for `npm run bench`, so every path measured
// (direct GET, echo, ours) crosses the same process boundaries. Talks over IPC:
// sends { baseUrl } when listening, answers 'connections' with the count so far.
import { startSandboxApi } from '../../src/sandbox/sandbox-api.js';
import { seedMeetings } from '../../src/sandbox/seed.js';

const [apiKey = 'bench-key', count = '200'] = process.argv.slice(2);
const api = await startSandboxApi({ apiKey, record: false });
seedMeetings(api.store, { now: Date.now(), count: Number(count) });
process.send?.({ baseUrl: api.baseUrl, ids: api.store.all().map((m) => m.id) });
process.on('message', (message) => {
  if (message === 'connections') process.send?.({ connections: api.connectionsOpened(), peak: api.peakConnections() });
});
process.on('disconnect', () => void api.close().then(() => process.exit(0)));
