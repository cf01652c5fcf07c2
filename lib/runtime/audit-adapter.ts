/** Plugs the organisation's audit trail into the dependencies; imported by its routes only. */
import { AuditStore } from '#lib/adapters/dynamodb/audit-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('audit', (table) => new AuditStore(table));
