/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** A typed event emitter whose subscriptions can be undone. */
export interface Emitter<Events extends Record<string, unknown>> {
  on<K extends keyof Events>(type: K, listener: (event: Events[K]) => void): Unsubscribe;
  emit<K extends keyof Events>(type: K, event: Events[K]): void;
  /** Removes every listener; used by `destroy()`. */
  clear(): void;
}

/** Creates an emitter for the event map `Events`. */
export function createEmitter<Events extends Record<string, unknown>>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(event: never) => void>>();
  return {
    on(type, listener) {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener as (event: never) => void);
      return () => {
        set.delete(listener as (event: never) => void);
      };
    },
    emit(type, event) {
      // A copy, so a listener that unsubscribes during the emit does not skip another.
      for (const listener of [...(listeners.get(type) ?? [])]) (listener as (e: typeof event) => void)(event);
    },
    clear() {
      listeners.clear();
    },
  };
}
