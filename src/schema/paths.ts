/**
 * Where the story's chapters live, relative to the project: the first page's at the top, a later
 * page's in a folder named after it (npm run draft writes them). The pipeline (drafting) and the
 * site (reading) both need it, so it sits in src/schema/, which every layer may read.
 */
export const CHAPTERS_DIR = 'src/content/chapters';
