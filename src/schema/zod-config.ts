/**
 * zod compiles object checks with `new Function` when a schema is built, which the site's CSP
 * (script-src without 'unsafe-eval') forbids in the reader's browser (the Export menu checks the
 * print settings there). Imported first by every schema module the browser loads, so that no
 * schema is built before zod is told to check without compiling.
 */
import { config } from 'zod';

config({ jitless: true });
