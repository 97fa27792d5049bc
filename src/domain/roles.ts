/** Who someone is to the bot. `none` is a person the bot knows but who has not joined. */
export const roles = ['superadmin', 'leader', 'admin', 'none'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Roles that count as registered members of the community. */
export const registeredRoles: readonly Role[] = ['superadmin', 'leader', 'admin'];
