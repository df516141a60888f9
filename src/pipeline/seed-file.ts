import { InputError } from '../schema/json-file.ts';

/** Decodes a seed's bytes, refusing what is not a usable UTF-8 text. */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError(file, 'the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, 'the file is not valid UTF-8');
  }
  if (text.includes('\u0000')) throw new InputError(file, 'the file contains NUL bytes (binary, not text)');
  if (text.trim() === '') throw new InputError(file, 'the file holds only white space');
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function seedLines(text: string): string[] {
  return text.split('\n');
}
