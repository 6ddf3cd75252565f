/**
 * Bad input caught before anything leaves the process. `field` is the tool
 * argument at fault, `problem` says what is wrong with it and `fix` what to
 * send instead — the three things a model needs to correct its next call.
 * Without a `fix`, the server adds the argument's accepted forms
 * (tools/arguments.ts), so layers below the tools need not restate them.
 */
export class InputError extends Error {
  override readonly name = 'InputError';

  constructor(
    readonly field: string | undefined,
    readonly problem: string,
    readonly fix?: string,
  ) {
    super(`${field ? `${field}: ` : ''}${problem}${fix ? ` ${fix}` : ''}`);
  }
}
