/** Roles and permissions from DESIGN.md; browser-safe so the UI can hide what a role cannot use. */
export const ROLES = ["viewer", "analyst", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "posture:read",
  "logs:read",
  "logs:reveal",
  "activity:read",
  "scans:run",
  "reports:export",
  /** Record an attestation for a MANUAL compliance requirement: a statement made on the organisation's behalf. */
  "compliance:attest",
  "settings:manage",
  "audit:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS = {
  viewer: ["posture:read"],
  analyst: ["posture:read", "logs:read", "logs:reveal", "activity:read", "scans:run"],
  auditor: ["posture:read", "logs:read", "activity:read", "reports:export"],
  admin: PERMISSIONS,
} as const satisfies Record<Role, readonly Permission[]>;

/** Order used when a person's groups map to several roles: the most capable wins. */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, auditor: 1, analyst: 2, admin: 3 };

export function can(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export const ROLE_LABEL: Record<Role, string> = {
  viewer: "Viewer",
  analyst: "Security analyst",
  auditor: "Auditor",
  admin: "Administrator",
};
