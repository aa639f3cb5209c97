import type { Socket } from 'socket.io';

/** What a socket message over its budget is answered with, like any refused message. */
export const RATE_LIMITED_ANSWER = { ok: false, code: 'too_many_requests', message: 'Too many messages; slow down' } as const;

/**
 * A token bucket per socket: `perSecond` messages a second on average, bursts of twice that.
 * A message over the budget is dropped (its acknowledgement answered with too_many_requests);
 * a socket that keeps sending past it for `patience` refused messages is disconnected.
 */
export function limitSocketMessages(socket: Socket, perSecond: number, patience = 100): void {
  const capacity = perSecond * 2;
  let tokens = capacity;
  let refilledAt = Date.now();
  let refused = 0;
  socket.use((packet, next) => {
    const now = Date.now();
    tokens = Math.min(capacity, tokens + ((now - refilledAt) / 1000) * perSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      refused = 0;
      next();
      return;
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (answer: unknown) => void)(RATE_LIMITED_ANSWER);
    if (++refused >= patience) socket.disconnect(true);
  });
}
