/**
 * Access requests (a person asks for a right at an organisation) and tasks (something waiting for a
 * local administrator: an approval, or an extension before something runs out).
 */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'expired';

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
  reason: string;
  status: RequestStatus;
  taskId: string;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  version: number;
}

export type TaskKind = 'approval' | 'extension';
export type TaskStatus = 'open' | 'decided' | 'approved' | 'rejected' | 'expired' | 'extended' | 'closed';

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
  };
  requestId: string | null;
  /** The approval workflow's callback token (approval tasks only). */
  taskToken: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The recorded decision of an approval, until the workflow has applied it. */
  decision?: unknown;
  version: number;
}
