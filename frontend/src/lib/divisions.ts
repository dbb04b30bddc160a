/**
 * Statistical division codes (统计用区划代码): a street (乡镇、街道) has 9
 * digits, a village or community (村、居委会) 12 that begin with its
 * street's. The server checks them (domain/community/operator.go); these
 * checks let a form say what is wrong before sending.
 */

/** STREET_CODE_DIGITS and COMMUNITY_CODE_DIGITS are the codes' lengths. */
export const STREET_CODE_DIGITS = 9;
export const COMMUNITY_CODE_DIGITS = 12;

/** normalizeCode drops the spaces people type into long numbers. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\u3000]/g, "");
}

/** CodeProblem is what is wrong with a typed code. */
export type CodeProblem = "empty" | "digits" | "prefix";

/**
 * codeProblem checks a code of `digits` digits; with streetCode (for a
 * community) it must begin with it. It returns null for a good code.
 */
export function codeProblem(code: string, digits: number, streetCode?: string): CodeProblem | null {
  const c = normalizeCode(code);
  if (!c) return "empty";
  if (c.length !== digits || !/^\d+$/.test(c)) return "digits";
  if (streetCode && !c.startsWith(streetCode)) return "prefix";
  return null;
}
