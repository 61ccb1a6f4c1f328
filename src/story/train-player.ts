import type { JourneyStop } from '../model/journey.ts';
import { createEmitter, type Unsubscribe } from './emitter.ts';

/** The clock the player runs on, injected so that a test can step frames by hand. */
export interface PlayerClock {
  now(): number;
  requestFrame(callback: (time: number) => void): number;
  cancelFrame(handle: number): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of the train player. */
export interface TrainPlayerOptions {
  /** The journey's stops with their progress (from `createJourney`). */
  readonly stops: readonly JourneyStop[];
  /**
   * Time for the whole journey at normal speed, shared equally between its stretches from one
   * story place to the next (see `createTrainPlayer`). Defaults to 30 s.
   */
  readonly durationMs?: number;
  /** No continuous motion: the train jumps from stop to stop. */
  readonly reducedMotion: boolean;
  /** Pause at each jump in reduced motion. Defaults to 1.2 s. */
  readonly jumpIntervalMs?: number;
  readonly clock: PlayerClock;
}

/** The events a train player emits. */
export interface TrainPlayerEvents extends Record<string, unknown> {
  /** Progress changed (every frame while playing, and on seek). */
  trainmove: { readonly t: number };
  /** The train reached a story place and paused there. */
  trainstop: { readonly stop: JourneyStop };
  /** Playing started or stopped; `ended` when the train reached the end. */
  playstate: { readonly playing: boolean; readonly ended: boolean };
}

/** Plays the train along the journey by progress t in [0, 1]: one animation loop, nothing else. */
export interface TrainPlayer {
  readonly t: number;
  readonly playing: boolean;
  play(): void;
  pause(): void;
  restart(): void;
  /** Moves the train to t without playing (the slider). */
  seek(t: number): void;
  on<K extends keyof TrainPlayerEvents>(type: K, listener: (event: TrainPlayerEvents[K]) => void): Unsubscribe;
  destroy(): void;
}

/**
 * Paced by the story, not by the kilometre: each stretch of the journey from one story place to
 * the next (and from the start to the first) takes the same time, the train running at a steady
 * speed within it. By distance, the default story's train spent 29 s of 40 crossing North Korea
 * before its first story place and half a second on the motorcade to the summit; now each of its
 * three stretches takes 10 s. Speeds change only at story places, where the train stops anyway.
 */
export function createTrainPlayer(options: TrainPlayerOptions): TrainPlayer {
  const { clock, stops } = options;
  const duration = options.durationMs ?? 30_000;
  const jumpInterval = options.jumpIntervalMs ?? 1200;
  const places = stops.filter((s) => s.isPlace);
  // The stretches' ends in progress t: the start and each story place. What lies beyond the last
  // place (the line may run on a little past its station) goes at the last stretch's speed.
  const ends = [...new Set([0, ...places.map((p) => p.t)])].sort((a, b) => a - b);
  const stretches = ends.filter((end, i) => i > 0 && end > ends[i - 1]!).length;
  const stretchMs = duration / Math.max(1, stretches);
  /** Progress per millisecond in the stretch that lies ahead of t. */
  const speedAt = (from: number): number => {
    if (stretches === 0) return 1 / duration;
    let i = ends.findIndex((end) => end > from);
    if (i < 0) i = ends.length - 1;
    return (ends[i]! - ends[i - 1]!) / stretchMs;
  };
  const emitter = createEmitter<TrainPlayerEvents>();
  let t = 0;
  let playing = false;
  let frame: number | null = null;
  let timer: unknown = null;
  let last = 0;

  const setPlaying = (value: boolean): void => {
    if (playing === value) return;
    playing = value;
    emitter.emit('playstate', { playing, ended: t >= 1 });
  };
  const stopLoop = (): void => {
    if (frame !== null) clock.cancelFrame(frame);
    if (timer !== null) clock.clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const arrive = (stop: JourneyStop): void => {
    t = stop.t;
    stopLoop();
    emitter.emit('trainmove', { t });
    setPlaying(false);
    emitter.emit('trainstop', { stop });
  };
  /**
   * The next story place strictly ahead: a train standing at a place (arriving sets t to the
   * place's own value) leaves it when played. No tolerance: a train that sums its way to a hair
   * short of a place must still stop there on the next frame.
   */
  const nextPlace = (from: number): JourneyStop | undefined => places.find((p) => p.t > from);

  const tick = (time: number): void => {
    frame = null;
    const dt = Math.max(0, time - last);
    last = time;
    const target = Math.min(1, t + dt * speedAt(t));
    const place = nextPlace(t);
    if (place && place.t <= target) return arrive(place);
    t = target;
    emitter.emit('trainmove', { t });
    if (t >= 1) {
      stopLoop();
      setPlaying(false);
      return;
    }
    frame = clock.requestFrame(tick);
  };

  const jump = (): void => {
    timer = null;
    const next = stops.find((s) => s.t > t + 1e-9);
    if (!next) {
      t = 1;
      emitter.emit('trainmove', { t });
      setPlaying(false);
      return;
    }
    if (next.isPlace) return arrive(next);
    t = next.t;
    emitter.emit('trainmove', { t });
    timer = clock.setTimeout(jump, jumpInterval);
  };

  const player: TrainPlayer = {
    get t() {
      return t;
    },
    get playing() {
      return playing;
    },
    play() {
      if (playing) return;
      if (t >= 1) t = 0;
      setPlaying(true);
      if (options.reducedMotion) {
        jump();
      } else {
        last = clock.now();
        frame = clock.requestFrame(tick);
      }
    },
    pause() {
      stopLoop();
      setPlaying(false);
    },
    restart() {
      stopLoop();
      t = 0;
      emitter.emit('trainmove', { t });
      setPlaying(false);
      player.play();
    },
    seek(value) {
      stopLoop();
      setPlaying(false);
      t = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
      emitter.emit('trainmove', { t });
    },
    on: (type, listener) => emitter.on(type, listener),
    destroy() {
      stopLoop();
      emitter.clear();
    },
  };
  return player;
}
