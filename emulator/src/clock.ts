import { randomBytes } from 'node:crypto';

export const now = (): number => Date.now();

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** A Clerk-looking id: `user_2x...`, `sess_...`. */
export function newId(prefix: string, length = 27): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}
