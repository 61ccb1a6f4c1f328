import { describe, expect, it } from 'vitest';
import type { JourneyStop } from '../../src/model/journey.ts';
import { createTrainPlayer, type PlayerClock } from '../../src/story/train-player.ts';

/** A clock a test drives by hand: frames run only when `frame(ms)` is called. */
function manualClock() {
  let now = 0;
  let frames: Array<[number, (time: number) => void]> = [];
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const clock: PlayerClock = {
    now: () => now,
    requestFrame: (callback) => {
      const id = nextId++;
      frames.push([id, callback]);
      return id;
    },
    cancelFrame: (id) => {
      frames = frames.filter(([f]) => f !== id);
    },
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  return {
    clock,
    /** Advances time by `ms` and runs the frames that were waiting. */
    frame(ms: number) {
      now += ms;
      const due = frames;
      frames = [];
      for (const [, callback] of due) callback(now);
    },
    wait(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
    pendingFrames: () => frames.length,
  };
}

const stop = (id: string, t: number, isPlace: boolean): JourneyStop => ({ id, name: id, isPlace, t, km: t * 1000, legIndex: 0, date: null });
const stops = [stop('start', 0, false), stop('border', 0.25, true), stop('junction', 0.5, false), stop('city', 0.75, true), stop('end', 1, true)];

describe('createTrainPlayer', () => {
  it('play() advances t with the injected clock, frame by frame', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    const seen: number[] = [];
    player.on('trainmove', ({ t }) => seen.push(t));
    player.play();
    c.frame(100);
    c.frame(100);
    expect(seen).toEqual([0.1, 0.2]);
    expect(player.playing).toBe(true);
  });

  it('pauses at a story place, announces it, and Play goes on from there', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    const arrived: string[] = [];
    player.on('trainstop', ({ stop: s }) => arrived.push(s.id));
    player.play();
    c.frame(200);
    c.frame(200); // would pass 0.25
    expect(player.t).toBe(0.25);
    expect(player.playing).toBe(false);
    expect(arrived).toEqual(['border']);
    expect(c.pendingFrames()).toBe(0);
    player.play();
    c.frame(100);
    expect(player.t).toBeCloseTo(0.35, 9);
  });

  it('passes waypoints without stopping, and ends at the last place', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    const arrived: string[] = [];
    player.on('trainstop', ({ stop: s }) => arrived.push(s.id));
    for (let i = 0; i < 3; i += 1) {
      player.play();
      for (let f = 0; f < 50 && player.playing; f += 1) c.frame(50);
    }
    expect(arrived).toEqual(['border', 'city', 'end']);
    expect(player.t).toBe(1);
    // Play at the end starts the journey again.
    player.play();
    c.frame(50);
    expect(player.t).toBeCloseTo(0.05, 9);
  });

  it('pause() and seek() stop the loop; seek moves the train without playing', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    player.play();
    c.frame(100);
    player.pause();
    expect(c.pendingFrames()).toBe(0);
    player.seek(0.6);
    expect(player.t).toBe(0.6);
    expect(player.playing).toBe(false);
    player.play();
    c.frame(100);
    expect(player.t).toBe(0.7);
  });

  it('restart() goes back to the start and plays', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    player.seek(0.9);
    player.restart();
    expect(player.t).toBe(0);
    expect(player.playing).toBe(true);
  });

  it('with reduced motion, jumps from stop to stop with no frames at all', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, reducedMotion: true, jumpIntervalMs: 1000, clock: c.clock });
    const seen: number[] = [];
    player.on('trainmove', ({ t }) => seen.push(t));
    player.play();
    expect(seen).toEqual([0.25]); // straight to the first place
    expect(c.pendingFrames()).toBe(0);
    player.play();
    expect(seen).toEqual([0.25, 0.5]); // the junction, a waypoint
    c.wait(1000);
    expect(seen).toEqual([0.25, 0.5, 0.75]);
    expect(player.playing).toBe(false);
  });

  it('destroy() cancels the loop and silences listeners', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: 1000, reducedMotion: false, clock: c.clock });
    let moves = 0;
    player.on('trainmove', () => (moves += 1));
    player.play();
    player.destroy();
    c.frame(100);
    expect(moves).toBe(0);
  });
});
