export function themingReference(manifest?: unknown): string;
