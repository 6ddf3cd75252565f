/** The tool names, fixed: other programs and allow-lists rely on them. */
export const TOOL_NAMES = ['list_meetings', 'get_meeting', 'create_meeting', 'update_meeting', 'delete_meeting'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];
