import { describe, expect, it } from 'vitest';
import {
  type ChromiumEnvironment,
  ChromiumUnavailableError,
  DEFAULT_CHROMIUM,
  ensureChromium,
} from '../../support/chromium.ts';

function machine(overrides: Partial<ChromiumEnvironment> & { present?: string[] } = {}) {
  const present = new Set(overrides.present ?? []);
  const said: string[] = [];
  let installs = 0;
  const env: ChromiumEnvironment = {
    path: DEFAULT_CHROMIUM,
    exists: (p) => present.has(p),
    isRoot: true,
    hasApt: true,
    install: () => {
      installs += 1;
      present.add(DEFAULT_CHROMIUM);
    },
    say: (line) => said.push(line),
    ...overrides,
  };
  return { env, said, installs: () => installs };
}

describe('ensureChromium (npm test brings its own Chromium)', () => {
  it('uses the Chromium that is there, installing nothing', () => {
    const m = machine({ present: [DEFAULT_CHROMIUM] });
    expect(ensureChromium(m.env)).toBe(DEFAULT_CHROMIUM);
    expect(m.installs()).toBe(0);
    expect(m.said).toEqual([]);
  });

  it("installs Debian's chromium once, with one line, when root with apt and none is found", () => {
    const m = machine();
    expect(ensureChromium(m.env)).toBe(DEFAULT_CHROMIUM);
    expect(m.installs()).toBe(1);
    expect(m.said).toHaveLength(1);
    expect(m.said[0]).toMatch(/chromium/);
  });

  it('without root or apt: one line that says what to do, and no install', () => {
    for (const env of [machine({ isRoot: false }), machine({ hasApt: false })]) {
      expect(() => ensureChromium(env.env)).toThrow(ChromiumUnavailableError);
      expect(() => ensureChromium(env.env)).toThrow(/apt-get install -y chromium.*CHROMIUM_PATH/);
      expect(env.installs()).toBe(0);
    }
  });

  it('a CHROMIUM_PATH that does not exist is an error, not a reason to install', () => {
    const m = machine({ path: '/opt/chrome/chrome' });
    expect(() => ensureChromium(m.env)).toThrow(/CHROMIUM_PATH=\/opt\/chrome\/chrome does not exist/);
    expect(m.installs()).toBe(0);
  });

  it('an install that leaves no binary is reported', () => {
    const m = machine({ install: () => undefined });
    expect(() => ensureChromium(m.env)).toThrow(/still missing/);
  });
});
