/**
 * Makes sure the browser tests have a Chromium, so `npm test` needs no install step of its own (as
 * `npm start` brings DynamoDB Local): when none is found and we are root with apt, Debian's `chromium`
 * is installed once, with one line saying so; otherwise one line says what to do, and the run stops.
 * `npm test` runs it first (pretest), and the e2e project's globalSetup runs it for a single file.
 * Nothing here downloads a browser of its own: the machine's package manager does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumEnvironment {
  /** CHROMIUM_PATH, or Debian's path. */
  path: string;
  exists(path: string): boolean;
  isRoot: boolean;
  hasApt: boolean;
  /** Installs Debian's chromium; throws with apt's output when it fails. */
  install(): void;
  say(line: string): void;
}

export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}

/** Returns the Chromium to use, installing Debian's when it is missing and we may. */
export function ensureChromium(env: ChromiumEnvironment): string {
  if (env.exists(env.path)) return env.path;
  const custom = env.path !== DEFAULT_CHROMIUM;
  if (custom || !env.isRoot || !env.hasApt) {
    throw new ChromiumUnavailableError(
      custom
        ? `CHROMIUM_PATH=${env.path} does not exist: point it at a Chromium binary, or unset it to use Debian's.`
        : `The browser tests need Chromium at ${DEFAULT_CHROMIUM}: run \`sudo apt-get install -y chromium\` ` +
            '(as root, `npm test` does this itself), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  env.say("Chromium ontbreekt: Debian's chromium wordt eenmalig geïnstalleerd (apt-get install chromium)…");
  env.install();
  if (!env.exists(env.path)) {
    throw new ChromiumUnavailableError(`apt-get installed chromium, but ${env.path} is still missing.`);
  }
  return env.path;
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function aptInstallChromium(): void {
  const run = (args: string[]) =>
    execFileSync('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  try {
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'chromium']);
  } catch (error) {
    const output = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-5).join('\n');
    throw new ChromiumUnavailableError(`apt-get could not install chromium:\n${output ?? String(error)}`);
  }
}

/** This machine, as ensureChromium sees it. */
export function machineChromiumEnvironment(): ChromiumEnvironment {
  return {
    path: process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    hasApt: commandExists('apt-get'),
    install: aptInstallChromium,
    say: (line) => console.log(line),
  };
}

/** Vitest globalSetup of the e2e project. */
export default function setup(): void {
  ensureChromium(machineChromiumEnvironment());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureChromium(machineChromiumEnvironment());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
