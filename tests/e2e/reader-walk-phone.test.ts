/**
 * The reader's walk at 390 px: axe (WCAG 2.2 AA) and the CSP on the story in both languages
 * (Chinese walked through its share of the maps), the data page, the reading view and the
 * gallery. The walk and its gates: reader-walk.ts.
 */
import { PHONE, describeWalkAt } from './reader-walk.ts';

describeWalkAt(PHONE);
