/** Where the story's chapters are authored: the first page's at the top, a later page's in a folder named after it. */
export const CHAPTERS_DIR = 'src/content/chapters';
