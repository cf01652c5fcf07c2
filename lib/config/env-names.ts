/** Environment variable names shared by `infra/` (which sets them) and `functions/` (which reads them). */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** The HMAC key for pseudonymous keys, given directly (local stack, tests). */
  pseudonymSecret: 'PSEUDONYM_SECRET',
  /** The name of an SSM SecureString parameter holding the HMAC key (AWS). */
  pseudonymSecretParameter: 'PSEUDONYM_SECRET_PARAMETER',
  /**
   * Which registries answer: `magda` (the national register and the KBO through MAGDA; the default) or
   * `demo` (the demo world's dataset shipped in the repo, for a deployment that is a demo by choice).
   */
  registries: 'REGISTRIES',
  /** MAGDA's base URL (each service's path is appended), e.g. https://magda.vlaanderen.be. */
  magdaEndpoint: 'MAGDA_ENDPOINT',
  /** Secrets Manager secret with the client certificate, key and optional CA (JSON, PEM values; AWS). */
  magdaCertificateSecret: 'MAGDA_CERTIFICATE_SECRET',
  /** A file with the same JSON (the local stack, tests). */
  magdaCertificateFile: 'MAGDA_CERTIFICATE_FILE',
  /** Afzender/Identificatie: this application's identification at MAGDA. */
  magdaSenderId: 'MAGDA_SENDER_ID',
  /** Afzender/Hoedanigheid: the capacity code under which MAGDA granted the services. */
  magdaCapacity: 'MAGDA_CAPACITY',
  magdaRecipientId: 'MAGDA_RECIPIENT_ID',
  /** Deadline of one MAGDA exchange, in milliseconds. */
  magdaTimeoutMs: 'MAGDA_TIMEOUT_MS',
  /** How long a function keeps the KBO's answers in memory (seconds, at most 60). */
  kboMemorySeconds: 'KBO_MEMORY_SECONDS',
  /** Register data read for a person is read again once it is older than this (hours). */
  registerMaxAgeHours: 'REGISTER_MAX_AGE_HOURS',
  /** A fixed "today" (YYYY-MM-DD) for demos and tests; unset in production. */
  today: 'APP_TODAY',
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  /** `outbox` writes .eml files (local); `ses` sends through SES v2 (AWS). */
  mailTransport: 'MAIL_TRANSPORT',
  outboxDir: 'OUTBOX_DIR',
  mailFrom: 'MAIL_FROM',
  approvalStateMachineArn: 'APPROVAL_STATE_MACHINE_ARN',
  reviewStateMachineArn: 'REVIEW_STATE_MACHINE_ARN',
  /** The bulk workflow (CSV import, bulk extension), started by their routes. */
  bulkStateMachineArn: 'BULK_STATE_MACHINE_ARN',
  /** Base URL of the UI, for links in e-mails. */
  appUrl: 'APP_URL',
  /** The webhook delivery queue (SQS FIFO) the fan-out sends to and the delivery answers (AWS). */
  webhookQueueUrl: 'WEBHOOK_QUEUE_URL',
  /** `true`: webhook URLs may be plain http to this machine (the local stack only). */
  webhookAllowLocalHttp: 'WEBHOOK_ALLOW_LOCAL_HTTP',
} as const;
