/**
 * Reads a list_meetings text back into meetings, using only what the text
 * itself says (header layout, "@n=" ids, date lines) — as a model must. The
 * round-trip test compares the result with the API's own objects.
 */
export interface ParsedMeeting {
  id: string;
  meetingDate: number;
  timeZone: string;
  meetingType: string;
  ownerId: string;
  prospectId: string;
  location: string | null;
  notes: string | null;
  createdBy: string | null;
  createdByApi: boolean;
  reviewed: boolean;
}

export interface ParsedPage {
  shown: number;
  total?: number;
  now: string;
  pageZone?: string;
  meetings: ParsedMeeting[];
  nextPageToken?: string;
  footer: string;
}

const DATE_LINE = /^(\d{4}-\d{2}-\d{2}) (Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/;

export function parseMeetingPage(text: string): ParsedPage {
  const lines = text.split('\n');
  const head = /^(\d+)(?: of (\d+))? meetings, latest first\. Now (.+?)\.(?: All with (.+)\.)?$/.exec(lines[0]!);
  if (!head) throw new Error(`bad header: ${lines[0]}`);
  const filters: Record<string, string> = {};
  for (const part of head[4]?.split(', ') ?? []) {
    const [name, value] = part.split(' ') as [string, string];
    filters[name] = value;
  }
  const page: ParsedPage = {
    shown: Number(head[1]),
    total: head[2] ? Number(head[2]) : undefined,
    now: head[3]!,
    meetings: [],
    footer: lines.at(-1)!,
  };
  const token = /pageToken (".*")\.$/.exec(page.footer);
  if (token) page.nextPageToken = JSON.parse(token[1]!) as string;
  if (!page.shown) return page;

  const layout =
    /^(?:Times in (\S+)\. )?Each day: a "YYYY-MM-DD Day" line \(local date\), then per meeting: (.+?) notes \(after " — " when the location is a bare word\); /.exec(
      lines[1]!,
    );
  if (!layout) throw new Error(`bad layout line: ${lines[1]}`);
  page.pageZone = layout[1];
  const columns = layout[2]!.split(' ');
  const aliases = new Map<string, string>();
  const resolve = (ref: string) => {
    const defined = /^([@#]\d+)=(.+)$/s.exec(ref);
    if (defined) {
      aliases.set(defined[1]!, defined[2]!);
      return defined[2]!;
    }
    if (/^[@#]\d+$/.test(ref)) {
      const id = aliases.get(ref);
      if (!id) throw new Error(`alias ${ref} used before it was defined`);
      return id;
    }
    return ref;
  };

  let date = '';
  for (const line of lines.slice(2, -1)) {
    if (line.startsWith('Stopped ')) continue; // why a maxResults listing ended early
    const dateLine = DATE_LINE.exec(line);
    if (dateLine) {
      date = dateLine[1]!;
      continue;
    }
    const reader = new FieldReader(line);
    const meeting: Partial<ParsedMeeting> & Record<string, unknown> = { createdByApi: false, reviewed: false };
    let creator = 'owner';
    for (const column of columns) {
      if (column === 'location') {
        while (reader.peekTagged()) {
          const tag = reader.word()!;
          if (tag === 'reviewed') meeting.reviewed = true;
          else if (tag.startsWith('by=')) creator = tag.slice('by='.length);
        }
        const location = reader.word();
        // A quoted value is always literal ("#3" as text); only a bare "#n"/"@n" is a stand-in.
        meeting.location = location === null ? null : reader.lastWasLiteral ? location : resolve(location);
        // Notes: the rest of the line, after " — " when the location was a bare word; none when the line ends here.
        const notes = reader.rest();
        meeting.notes = notes === null ? null : notes.startsWith('— ') && reader.lastWasBare ? notes.slice(2) : notes;
        meeting.notes = meeting.notes === null ? null : reader.unquote(meeting.notes);
      } else if (column === 'time') {
        // A time on a later local date than its day line carries its own date: "YYYY-MM-DD Day HH:MM±hh".
        let own = reader.word()!;
        let day = date;
        if (/^\d{4}-\d{2}-\d{2}$/.test(own)) {
          day = own;
          reader.word();
          own = reader.word()!;
        }
        const time = /^(\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?)([+-]\d{2}(?::\d{2})?)$/.exec(own);
        if (!time) throw new Error(`bad time in: ${line}`);
        const offset = time[2]!.length === 3 ? `${time[2]}:00` : time[2];
        meeting.meetingDate = Date.parse(`${day}T${time[1]}${time[1]!.length === 5 ? ':00' : ''}${offset}`);
        if (reader.peek().startsWith('zone=')) meeting.timeZone = reader.word()!.slice('zone='.length);
      } else if (column === 'zone') {
        meeting.timeZone = reader.word()!;
      } else if (column === 'type') {
        meeting.meetingType = reader.word()!;
      } else if (column === 'owner' || column === 'prospect') {
        meeting[`${column}Id`] = resolve(reader.word()!);
      } else if (column === 'id') {
        meeting.id = reader.word()!;
      }
    }
    meeting.timeZone ??= page.pageZone;
    meeting.ownerId ??= filters.owner;
    meeting.prospectId ??= filters.prospect;
    meeting.meetingType ??= filters.type;
    const user = creator.replace(/\+api$/, '');
    meeting.createdByApi = creator.endsWith('api');
    meeting.createdBy = user === 'api' || user === '-' ? null : user === 'owner' ? meeting.ownerId! : resolve(user);
    page.meetings.push(meeting as ParsedMeeting);
  }
  return page;
}

/** Reads space-separated fields where a field starting with a quote is a JSON string. */
class FieldReader {
  private at = 0;

  constructor(private readonly line: string) {}

  /** Whether the last field read was a bare word (not "-", a stand-in or a JSON string). */
  lastWasBare = false;
  /** Whether the last field read was a JSON string with no stand-in defined in front of it. */
  lastWasLiteral = false;

  peek(): string {
    return this.line.slice(this.at);
  }

  peekTagged(): boolean {
    const next = this.peek();
    return /^(?:by|badzone)=/.test(next) || /^reviewed(?: |$)/.test(next);
  }

  /** One field; "@n=" or "#n=" before a value (a stand-in being defined) is kept in front of it. */
  word(): string | null {
    const alias = /^[@#]\d+=/.exec(this.peek())?.[0] ?? '';
    this.at += alias.length;
    const quoted = this.line[this.at] === '"';
    const raw = quoted ? this.jsonString() : this.until(' ');
    this.at += 1; // the separating space
    this.lastWasBare = !quoted && raw !== '-' && !/^[@#]\d+$/.test(raw);
    this.lastWasLiteral = quoted && !alias;
    return !alias && !quoted && raw === '-' ? null : alias + raw;
  }

  /** The rest of the line, or null when there is none. */
  rest(): string | null {
    return this.at >= this.line.length ? null : this.line.slice(this.at);
  }

  unquote(text: string): string {
    return text.startsWith('"') ? (JSON.parse(text) as string) : text;
  }

  private until(separator: string): string {
    const end = this.line.indexOf(separator, this.at);
    const value = this.line.slice(this.at, end === -1 ? undefined : end);
    this.at += value.length;
    return value;
  }

  private jsonString(): string {
    let end = this.at + 1;
    while (this.line[end] !== '"') end += this.line[end] === '\\' ? 2 : 1;
    const value = JSON.parse(this.line.slice(this.at, end + 1)) as string;
    this.at = end + 1;
    return value;
  }
}
