/**
 * The local stand-in for EventBridge Scheduler's daily rule: runs a job every day at 06:00 in
 * Europe/Brussels (wall-clock time, so it follows summer and winter time), in-process. A run that is
 * still busy at the next fire is not started twice; a failed run is reported and the schedule goes on
 * (the expiry sweep catches up on missed days by itself). The timer does not keep the process alive.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, BRUSSELS } from '#lib/domain/period';

export interface DailyScheduleOptions {
  /** Wall-clock hour and minute in `timeZone` (default 06:00). */
  hour?: number;
  minute?: number;
  timeZone?: string;
  /** Also run once at start: a local stack that was not running at 06:00 still sweeps that day. */
  runOnStart?: boolean;
  /** Called with a run's error; the schedule continues. */
  onError?: (error: unknown) => void;
}

export interface DailySchedule {
  /** The instant of the next run, or null once stopped. */
  next(): Date | null;
  stop(): void;
}

/** Node's timers overflow above ~24.8 days; a daily schedule never needs more, but stay safe. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function calendarDay(instant: Date, timeZone: string): string {
  const t = new TZDate(instant.getTime(), timeZone);
  return `${String(t.getFullYear()).padStart(4, '0')}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
}

function wallClock(day: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, 0, timeZone).getTime());
}

/** The first instant strictly after `now` at which the wall clock in `timeZone` reads hour:minute. */
export function nextRunAt(
  now: Date,
  opts: Pick<DailyScheduleOptions, 'hour' | 'minute' | 'timeZone'> = {},
): Date {
  const { hour = 6, minute = 0, timeZone = BRUSSELS } = opts;
  const today = calendarDay(now, timeZone);
  const candidate = wallClock(today, hour, minute, timeZone);
  return candidate.getTime() > now.getTime()
    ? candidate
    : wallClock(addDays(today, 1), hour, minute, timeZone);
}

export function startDailySchedule(
  run: () => Promise<unknown>,
  opts: DailyScheduleOptions = {},
): DailySchedule {
  let timer: NodeJS.Timeout | undefined;
  let target: Date | null = null;
  let running = false;
  let stopped = false;

  const fire = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      opts.onError?.(error);
    } finally {
      running = false;
    }
  };

  const arm = (after: Date) => {
    if (stopped) return;
    target = nextRunAt(after, opts);
    const wait = () => {
      const delay = target!.getTime() - Date.now();
      timer = setTimeout(
        () => {
          // Woke up early (a capped delay) or the clock moved: wait for the rest.
          if (Date.now() < target!.getTime()) return wait();
          const due = target!;
          void fire();
          arm(due);
        },
        Math.max(0, Math.min(delay, MAX_TIMER_MS)),
      );
      timer.unref?.();
    };
    wait();
  };

  arm(new Date());
  if (opts.runOnStart) void fire();

  return {
    next: () => (stopped ? null : target),
    stop() {
      stopped = true;
      target = null;
      if (timer) clearTimeout(timer);
    },
  };
}
