import { fileURLToPath } from 'node:url';

/** The project's root folder (the browser tests' files and fixtures are read from here). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
