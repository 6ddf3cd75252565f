/**
 * IANA zone names for completion as a person types: by prefix of the whole
 * name ("Europe/Be"), of its city ("berlin"), or of a city the database names
 * by a neighbour ("munich" → Europe/Berlin). Only names the tools accept.
 */

// Cities people type whose zone carries another city's name.
const CITY_ZONES: Record<string, string> = {
  'abu dhabi': 'Asia/Dubai',
  atlanta: 'America/New_York',
  austin: 'America/Chicago',
  bangalore: 'Asia/Kolkata',
  barcelona: 'Europe/Madrid',
  beijing: 'Asia/Shanghai',
  bengaluru: 'Asia/Kolkata',
  boston: 'America/New_York',
  'cape town': 'Africa/Johannesburg',
  dallas: 'America/Chicago',
  delhi: 'Asia/Kolkata',
  frankfurt: 'Europe/Berlin',
  geneva: 'Europe/Zurich',
  hamburg: 'Europe/Berlin',
  houston: 'America/Chicago',
  hyderabad: 'Asia/Kolkata',
  miami: 'America/New_York',
  milan: 'Europe/Rome',
  montreal: 'America/Toronto',
  mumbai: 'Asia/Kolkata',
  munich: 'Europe/Berlin',
  osaka: 'Asia/Tokyo',
  philadelphia: 'America/New_York',
  pune: 'Asia/Kolkata',
  'san diego': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  shenzhen: 'Asia/Shanghai',
  'tel aviv': 'Asia/Jerusalem',
  washington: 'America/New_York',
};

// Node 20's ICU lists some zones by their old names; people (and the tools' hints) use the current ones.
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

let zones: string[] | undefined;

/** Every zone the tools accept, current names, sorted. Built at the first completion. */
function allZones(): string[] {
  zones ??= [
    ...new Set([
      'UTC',
      ...Intl.supportedValuesOf('timeZone')
        .filter((name) => !/^(Etc|SystemV)\//.test(name))
        .map((name) => CURRENT_NAMES[name] ?? name),
    ]),
  ].sort();
  return zones;
}

/** Zones matching what was typed, best matches first: whole-name prefix, then city prefix, then known cities. */
export function completeTimeZone(typed: string): string[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const spaced = query.replace(/_/g, ' ');
  const matches = new Set<string>();
  for (const zone of allZones()) if (zone.toLowerCase().startsWith(query)) matches.add(zone);
  for (const zone of allZones())
    if (
      zone
        .slice(zone.lastIndexOf('/') + 1)
        .toLowerCase()
        .startsWith(query)
    )
      matches.add(zone);
  if (spaced) for (const [city, zone] of Object.entries(CITY_ZONES)) if (city.startsWith(spaced)) matches.add(zone);
  return [...matches];
}
