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
  // Three stretches between story places (start to border, border to city, city to end), the
  // middle one twice as long as the others: each takes a third of the 1,200 ms.
  const DURATION = 1200;

  it('play() advances t with the injected clock, frame by frame', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: DURATION, reducedMotion: false, clock: c.clock });
    const seen: number[] = [];
    player.on('trainmove', ({ t }) => seen.push(t));
    player.play();
    c.frame(100);
    c.frame(100);
    expect(seen.map((t) => t.toFixed(4))).toEqual(['0.0625', '0.1250']);
    expect(player.playing).toBe(true);
  });

  it('paces the journey by the story: each stretch between story places takes the same time, whatever its length', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: DURATION, reducedMotion: false, clock: c.clock });
    const arrivals: Array<[string, number]> = [];
    let elapsed = 0;
    player.on('trainstop', ({ stop: s }) => arrivals.push([s.id, elapsed]));
    for (let i = 0; i < 3; i += 1) {
      elapsed = 0;
      player.play();
      while (player.playing) {
        elapsed += 10;
        c.frame(10);
      }
    }
    // 0.25 of the line in 400 ms, then 0.5 of it (past the junction without stopping) in 400 ms,
    // then 0.25 in 400 ms (to within a 10 ms frame: progress is summed frame by frame).
    expect(arrivals.map(([id]) => id)).toEqual(['border', 'city', 'end']);
    for (const [id, ms] of arrivals) expect(Math.abs(ms - 400), id).toBeLessThanOrEqual(10);
  });

  it('runs on past the last story place, when the line does, at the last stretch’s speed', () => {
    const c = manualClock();
    const line = [stop('start', 0, false), stop('a', 0.5, true), stop('b', 0.8, true)];
    const player = createTrainPlayer({ stops: line, durationMs: 1000, reducedMotion: false, clock: c.clock });
    player.seek(0.8);
    player.play();
    c.frame(100); // 0.3 of the line in 500 ms: 0.06 in 100 ms
    expect(player.t).toBeCloseTo(0.86, 9);
    for (let f = 0; f < 10 && player.playing; f += 1) c.frame(100);
    expect(player.t).toBe(1);
    expect(player.playing).toBe(false);
  });

  it('pauses at a story place, announces it, and Play goes on from there', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: DURATION, reducedMotion: false, clock: c.clock });
    const arrived: string[] = [];
    player.on('trainstop', ({ stop: s }) => arrived.push(s.id));
    player.play();
    c.frame(300);
    c.frame(300); // would pass 0.25
    expect(player.t).toBe(0.25);
    expect(player.playing).toBe(false);
    expect(arrived).toEqual(['border']);
    expect(c.pendingFrames()).toBe(0);
    player.play();
    c.frame(100);
    // The next stretch is twice as long for the same time: twice the speed.
    expect(player.t).toBeCloseTo(0.375, 9);
  });

  it('passes waypoints without stopping, and ends at the last place', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: DURATION, reducedMotion: false, clock: c.clock });
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
    c.frame(40);
    expect(player.t).toBeCloseTo(0.025, 9);
  });

  it('pause() and seek() stop the loop; seek moves the train without playing', () => {
    const c = manualClock();
    const player = createTrainPlayer({ stops, durationMs: DURATION, reducedMotion: false, clock: c.clock });
    player.play();
    c.frame(100);
    player.pause();
    expect(c.pendingFrames()).toBe(0);
    player.seek(0.6);
    expect(player.t).toBe(0.6);
    expect(player.playing).toBe(false);
    player.play();
    c.frame(100);
    // In the middle stretch (0.25 to 0.75, in 400 ms).
    expect(player.t).toBeCloseTo(0.725, 9);
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
