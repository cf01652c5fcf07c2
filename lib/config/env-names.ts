/** Environment variable names shared by `infra/` (which sets them) and `functions/` (which reads them). */
export const ENV = {
  tableName: 'TABLE_NAME',
  /** The HMAC key for pseudonymous keys, given directly (local stack, tests). */
  pseudonymSecret: 'PSEUDONYM_SECRET',
  /** The name of an SSM SecureString parameter holding the HMAC key (AWS). */
  pseudonymSecretParameter: 'PSEUDONYM_SECRET_PARAMETER',
  /** `fixture` reads the registries from the dataset shipped in the repo. */
  registryMode: 'REGISTRY_MODE',
  /** A fixed "today" (YYYY-MM-DD) for demos and tests; unset in production. */
  today: 'APP_TODAY',
  dynamoEndpoint: 'DYNAMODB_ENDPOINT',
  /** `outbox` writes .eml files (local); `ses` sends through SES v2 (AWS). */
  mailTransport: 'MAIL_TRANSPORT',
  outboxDir: 'OUTBOX_DIR',
  mailFrom: 'MAIL_FROM',
  approvalStateMachineArn: 'APPROVAL_STATE_MACHINE_ARN',
  /** Base URL of the UI, for links in e-mails. */
  appUrl: 'APP_URL',
} as const;
