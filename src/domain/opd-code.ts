/** OPD codes are short upper-case identifiers such as DINKES or KEC_CIBARUSAH. */
export const OPD_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,29}$/;

export function normalizeOpdCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function looksLikeOpdCode(raw: string): boolean {
  return OPD_CODE_PATTERN.test(normalizeOpdCode(raw)) && !raw.includes('.') && !raw.includes('/');
}
