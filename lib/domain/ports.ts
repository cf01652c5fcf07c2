/**
 * Ports the domain declares; adapters in lib/adapters implement them (a fixture dataset locally,
 * the real registries in a deployment).
 */
import type { PersonDetails } from '#lib/domain/membership';

/** The national register (source VKBP). `null`: no such person. Throws UnavailableError when down. */
export interface NationalRegister {
  lookup(nationalNumber: string): Promise<PersonDetails | null>;
}

export interface LegalRepresentative {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  /** The KBO function, e.g. "Zaakvoerder". */
  function: string;
}

export interface Enterprise {
  enterpriseNumber: string;
  name: string;
  legalRepresentatives: LegalRepresentative[];
}

/** One KBO function a person holds. */
export interface Representation {
  enterpriseNumber: string;
  name: string;
  function: string;
}

/** The KBO (Kruispuntbank van Ondernemingen). `null`: no such enterprise. */
export interface EnterpriseRegistry {
  getEnterprise(enterpriseNumber: string): Promise<Enterprise | null>;
  /** The enterprises where this person is a legal representative, as the KBO says today. */
  findRepresentations(nationalNumber: string): Promise<Representation[]>;
}

/** An e-mail to send: Dutch plain text and HTML, never a national number. */
export interface Email {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends e-mail: SES (v2) in AWS, `.eml` files in `.data/outbox/` locally. Throws `MailRefusedError` when
 * the message can never be delivered as it is (a retry would be refused again), anything else when a
 * retry later may succeed.
 */
export interface Mailer {
  send(email: Email): Promise<void>;
}

/** The mail service refuses this message for good (SES `MessageRejected`, an address it cannot take). */
export class MailRefusedError extends Error {
  override name = 'MailRefused';
}

/** Input of the approval workflow: ids only, never personal data. */
export interface ApprovalInput {
  requestId: string;
  enterpriseNumber: string;
}

/**
 * The workflow engine: Step Functions in AWS, the same ASL run by aws-local-stepfunctions locally.
 * Execution names derive from request ids, never from personal data.
 */
export interface Workflows {
  /** `redriveId` starts a further execution for the same request (its first one is gone). */
  startApproval(input: ApprovalInput, options?: { redriveId?: string }): Promise<void>;
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
}
