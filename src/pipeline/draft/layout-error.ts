import { InputError } from '../../schema/json-file.ts';

/** A page whose layout the draft cannot read without guessing: the message names the lines. */
export class LayoutError extends InputError {}
