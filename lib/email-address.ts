/**
 * The one email address pattern the webmail code uses: no spaces, quotes, brackets or list
 * separators (so "Name <address>" or "a, b" never pass as one address), a dotted domain without
 * empty labels, a last label of two characters or more, and at most 254 characters.
 * No nested quantifiers: page text cannot make it backtrack badly.
 */
const EMAIL_ADDRESS = /^[^\s@<>()[\]",;:]+@(?:[^\s@<>()[\]",;:.]+\.)+[^\s@<>()[\]",;:.]{2,}$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL_ADDRESS.test(text);
}
