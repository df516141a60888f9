/**
 * The reader's walk at 1440 px: axe (WCAG 2.2 AA) and the CSP on the story in both languages
 * (English walked through its share of the maps), the data page, the reading view and the
 * gallery. The walk and its gates: reader-walk.ts.
 */
import { DESKTOP, describeWalkAt } from './reader-walk.ts';

describeWalkAt(DESKTOP);
