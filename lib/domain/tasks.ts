/**
 * Access requests (a person asks for a right at an organisation) and tasks (something waiting for a
 * local administrator: an approval, or an extension before something runs out).
 */
/** `failed`: the workflow could not carry the request (see lib/services/access-requests/); the person may ask again. */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'failed';

export interface AccessRequest {
  requestId: string;
  enterpriseNumber: string;
  organisationName: string;
  /** Who asked: kept for the grant; never part of the workflow input or a key. */
  pseudonym: string;
  nationalNumber: string;
  requesterName: string;
  email: string | null;
  right: string;
  profiles: string[];
  /** A local administrator's extension of their own grant: the end date asked for (approval sets it). */
  endDate?: string | null;
  /** Likewise an earlier start asked for. */
  startDate?: string | null;
  reason: string;
  status: RequestStatus;
  taskId: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  version: number;
}

/**
 * - `approval`, `extension`, `resume` (active again in the KBO: resume what it paused?): for the local
 *   administrators;
 * - `confirm-admin` (*Bevestig lokale beheerder*: appointed by someone who is no longer a legal
 *   representative) and `appoint-admin` (*Duid een lokale beheerder aan*: there is none): for the legal
 *   representatives, per the KBO;
 * - `access-review` (*Toegangsreview*): for the local administrators, while a campaign runs (reviews.ts);
 *   it closes with the campaign.
 */
export type TaskKind =
  | 'approval'
  | 'extension'
  | 'resume'
  | 'confirm-admin'
  | 'appoint-admin'
  | 'access-review';
export type TaskAudience = 'local-admins' | 'legal-representatives';

export const TASK_AUDIENCE: Record<TaskKind, TaskAudience> = {
  approval: 'local-admins',
  extension: 'local-admins',
  resume: 'local-admins',
  'confirm-admin': 'legal-representatives',
  'appoint-admin': 'legal-representatives',
  'access-review': 'local-admins',
};

export type TaskStatus =
  | 'open'
  | 'decided'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'extended'
  | 'closed'
  | 'failed'
  | 'resumed'
  | 'confirmed'
  | 'removed';

/** A decision that could not be applied: why, when, and whose it was. No personal data. */
export interface DecisionFailure {
  code: string;
  message: string;
  at: string;
  decidedBy: string | null;
}

export interface Task {
  taskId: string;
  enterpriseNumber: string;
  kind: TaskKind;
  status: TaskStatus;
  title: string;
  /** What the task is about, for the list: names and the right, never a national number. */
  subject: {
    personId: string | null;
    name: string;
    right: string | null;
    profiles: string[];
    endDate: string | null;
    /** Extension tasks: what runs out. */
    item: 'relationship' | 'grant' | null;
    /** Resume tasks: how many work relationships the KBO paused. */
    count?: number;
  };
  requestId: string | null;
  /** The approval workflow's callback token (approval tasks only). */
  taskToken: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Access-review tasks: the campaign. */
  campaignId?: string;
  /** The recorded decision of an approval, until the workflow has applied it. */
  decision?: unknown;
  /** Decisions that could not be applied (the task was re-opened after each): the task's own history. */
  failures?: DecisionFailure[];
  version: number;
}
