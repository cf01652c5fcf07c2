/**
 * Imported first by main.tsx, before any contract is built: zod may not try `new Function` (its JIT),
 * which our Content-Security-Policy forbids; without it zod parses just as correctly.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
