import { Logger } from '@aws-lambda-powertools/logger';
import type { Log } from '#lib/domain/ports';

/**
 * One structured logger. It never receives request bodies, tokens or national numbers: handlers log
 * routes, status codes and ids only.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gebruikersbeheer' });

/** Powertools' logger behind the use cases' own small Log port (lib/domain/ports.ts). */
export const log: Log = {
  info: (message, extra) => (extra ? logger.info(message, extra) : logger.info(message)),
  warn: (message, extra) => (extra ? logger.warn(message, extra) : logger.warn(message)),
  error: (message, extra) => (extra ? logger.error(message, extra) : logger.error(message)),
};
