/**
 * A JSON-RPC error answer whose message is the sentence itself. The SDK's
 * McpError writes "MCP error -32602: " into its own message, and the client's
 * McpError adds that prefix again ("MCP error -32602: MCP error -32602: …");
 * the SDK sends any thrown error's numeric `code` and `message` as they are.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
