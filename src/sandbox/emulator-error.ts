/** An API error the emulator answers with, in the contract's common envelope. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): { success: false; error: { code: string; message: string } } {
    return { success: false, error: { code: this.code, message: this.message } };
  }
}
