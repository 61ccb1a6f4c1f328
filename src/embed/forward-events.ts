import type { StoryMap, StoryMapEvents } from '../app/create-story-map.ts';

/** A story map's event with its type: the shape the embed protocol's messages carry. */
export type StoryMapMessage = { [K in keyof StoryMapEvents]: { readonly type: K } & StoryMapEvents[K] }[keyof StoryMapEvents];

/**
 * Passes a story map's events (`ready`, `placechange`, `error`) on to `send`, each once, as it
 * happens: the one translation both embeds use (the iframe posts them to its host, the element
 * dispatches them as DOM events). Returns the function that stops it.
 */
export function forwardEvents(map: StoryMap, send: (message: StoryMapMessage) => void): () => void {
  const stops = [
    map.on('ready', (event) => send({ type: 'ready', ...event })),
    map.on('placechange', (event) => send({ type: 'placechange', ...event })),
    map.on('error', (event) => send({ type: 'error', ...event })),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
