// Sign-in and sign-out close the socket through here, so that the login page does not load
// socket.io: the socket module registers itself when it loads, and before that there is none.
let closer: (() => void) | null = null;

export function registerSocketCloser(close: () => void): void {
  closer = close;
}

/** Drops the app's socket if one was ever created (see closeSocket in socket.ts). */
export function closeSocketIfAny(): void {
  closer?.();
}
