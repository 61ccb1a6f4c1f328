/**
 * The message protocol between an embedded story map (in an iframe) and the page around it.
 * Every message is a plain object `{ protocol: 'story-map', version: 1, type, ... }`; anything
 * else is ignored without error. Documented in docs/embedding.md.
 */
export const PROTOCOL = 'story-map';
export const PROTOCOL_VERSION = 1;

interface Envelope {
  readonly protocol: typeof PROTOCOL;
  readonly version: typeof PROTOCOL_VERSION;
}

/** Events the embed sends to its host. */
export type EmbedEvent = Envelope &
  (
    | { readonly type: 'ready'; readonly places: ReadonlyArray<{ id: string; name: string }>; readonly steps: readonly string[] }
    | { readonly type: 'placechange'; readonly id: string | null; readonly name: string }
    | { readonly type: 'height'; readonly height: number }
    | { readonly type: 'error'; readonly message: string }
  );

/**
 * Commands the host may send to the embed. `hello` asks the embed to tell its state again
 * (`ready` or `error`, the current place, its height): a host script that starts after the
 * embed has spoken (loaded late, or a frame added later) would otherwise never hear it.
 */
export type EmbedCommand = Envelope &
  ({ readonly type: 'goto'; readonly slug: string } | { readonly type: 'next' } | { readonly type: 'previous' } | { readonly type: 'hello' });

type Body<T> = T extends Envelope ? Omit<T, keyof Envelope> : never;

/** Wraps an event body in the protocol's envelope. */
export function embedEvent(body: Body<EmbedEvent>): EmbedEvent {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...body } as EmbedEvent;
}

const MAX_SLUG_LENGTH = 200;

/** The command in `data`, or null for anything that is not exactly a valid command of this protocol. */
export function parseCommand(data: unknown): EmbedCommand | null {
  if (!isEnvelope(data)) return null;
  const message = data as unknown as Record<string, unknown>;
  switch (message.type) {
    case 'next':
    case 'previous':
    case 'hello':
      return { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: message.type };
    // The name of the first release, kept for hosts written against it: the same as `previous`
    // (the name the JavaScript API uses too).
    case 'prev':
      return { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'previous' };
    case 'goto':
      return typeof message.slug === 'string' && message.slug.length <= MAX_SLUG_LENGTH
        ? { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'goto', slug: message.slug }
        : null;
    default:
      return null;
  }
}

/** The event in `data`, or null: the host's check, before it trusts a message's shape. */
export function parseEvent(data: unknown): EmbedEvent | null {
  if (!isEnvelope(data)) return null;
  const message = data as unknown as Record<string, unknown>;
  switch (message.type) {
    case 'height':
      return typeof message.height === 'number' && Number.isFinite(message.height) && message.height > 0 && message.height < 100_000
        ? (message as unknown as EmbedEvent)
        : null;
    case 'placechange':
      return (message.id === null || typeof message.id === 'string') && typeof message.name === 'string' ? (message as unknown as EmbedEvent) : null;
    case 'ready':
      return Array.isArray(message.places) && Array.isArray(message.steps) ? (message as unknown as EmbedEvent) : null;
    case 'error':
      return typeof message.message === 'string' ? (message as unknown as EmbedEvent) : null;
    default:
      return null;
  }
}

function isEnvelope(data: unknown): data is Envelope {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as Record<string, unknown>).protocol === PROTOCOL &&
    (data as Record<string, unknown>).version === PROTOCOL_VERSION
  );
}
