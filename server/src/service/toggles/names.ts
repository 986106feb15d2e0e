// Toggle names are written two ways: Flipper (vets-api) uses snake_case, vets-website code uses
// camelCase (`showOneVADebtLetter` ↔ `show_one_va_debt_letter`). Acronyms and digits make the
// derivation lossy (`show_meb_1990EZ_maintenance_alert`), so a mapping file's pairs win over it, and
// merging uses a key that ignores case and underscores, which both spellings share.

/** The key toggles are merged by: case and `_`/`-` do not matter. */
export function toggleKey(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/** `showOneVADebtLetter` → `show_one_va_debt_letter`; snake_case names are returned unchanged. */
export function camelToSnake(name: string): string {
  if (name.includes('_') || !/[A-Z]/.test(name)) return name;
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `show_one_va_debt_letter` → `showOneVaDebtLetter` (acronyms cannot be recovered; a mapping can). */
export function snakeToCamel(name: string): string {
  if (!name.includes('_')) return name;
  return name.toLowerCase().replace(/_+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** camelCase ↔ snake_case pairs, e.g. from vets-website's `featureFlagNames.json`. */
export class NameMapping {
  private readonly toSnakeMap = new Map<string, string>();
  private readonly toCamelMap = new Map<string, string>();

  constructor(pairs: Iterable<readonly [camel: string, snake: string]> = []) {
    for (const [camel, snake] of pairs) {
      // First pair wins: the file is hand-maintained and duplicates are mistakes, not overrides.
      if (!this.toSnakeMap.has(camel)) this.toSnakeMap.set(camel, snake);
      if (!this.toCamelMap.has(snake)) this.toCamelMap.set(snake, camel);
    }
  }

  get size(): number {
    return this.toSnakeMap.size;
  }

  /** The Flipper (snake_case) spelling of a name. */
  toSnake(name: string): string {
    return this.toSnakeMap.get(name) ?? camelToSnake(name);
  }

  /** The vets-website (camelCase) spelling of a name. */
  toCamel(name: string): string {
    return this.toCamelMap.get(name) ?? snakeToCamel(name);
  }

  /** The merge key of a name, through the mapping when it names the pair. */
  key(name: string): string {
    return toggleKey(this.toSnakeMap.get(name) ?? name);
  }
}
