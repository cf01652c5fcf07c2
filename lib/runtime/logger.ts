import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger. It never receives request bodies, tokens or national numbers: handlers log
 * routes, status codes and ids only.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gebruikersbeheer' });
