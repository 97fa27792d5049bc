/** Longest link (in UTF-16 code units, as typed) that normalizeLink accepts. */
export const MAX_LINK_LENGTH = 2048;
