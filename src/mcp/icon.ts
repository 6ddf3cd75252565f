import type { Icon } from '@modelcontextprotocol/server';

/**
 * The server's one icon (a calendar with a clock), for the server itself, its
 * tools, prompts and resource templates (MCP 2025-11-25 icons), so clients can
 * tell it apart in a crowded list. Inline, so it works with no network and no
 * host to serve it; the Claude Desktop bundle's icon.png is this, rendered
 * (npm run icon).
 */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect x="6" y="10" width="52" height="48" rx="8" fill="#1a56db"/><rect x="6" y="10" width="52" height="14" rx="8" fill="#0e3a99"/><rect x="16" y="4" width="6" height="12" rx="3" fill="#0e3a99"/><rect x="42" y="4" width="6" height="12" rx="3" fill="#0e3a99"/><circle cx="32" cy="41" r="12" fill="#fff"/><path d="M32 33v8l6 4" stroke="#1a56db" stroke-width="3.5" fill="none" stroke-linecap="round"/></svg>';

export const ICONS: Icon[] = [
  { src: `data:image/svg+xml;base64,${Buffer.from(ICON_SVG).toString('base64')}`, mimeType: 'image/svg+xml', sizes: ['any'] },
];
