/**
 * Compiles the Python `re` patterns found in requirement files into JavaScript RegExps, because the
 * rules say "Python-`re` search". The common syntax is shared; this module translates what differs:
 * leading inline flags (`(?i)`, `(?s)`, `(?m)`, `(?x)` is refused), named groups `(?P<n>…)` and
 * `(?P=n)`, and the anchors `\A`, `\Z`. Matching is an unanchored search, as `re.search` does.
 * A pattern that does not compile is reported as a requirement error, never thrown past the matcher.
 */

export type CompiledPattern =
  | { readonly _tag: 'Pattern'; readonly regex: RegExp }
  | { readonly _tag: 'InvalidPattern'; readonly reason: string }

const LEADING_FLAGS = /^\(\?([aiLmsux]+)\)/

export function compilePythonRegex(pattern: string): CompiledPattern {
  let source = pattern
  let flags = ''
  for (let flagGroup = LEADING_FLAGS.exec(source); flagGroup; flagGroup = LEADING_FLAGS.exec(source)) {
    const letters = flagGroup[1] ?? ''
    if (letters.includes('x')) return { _tag: 'InvalidPattern', reason: `verbose flag (?x) is not supported in ${pattern}` }
    for (const letter of letters) if ('ims'.includes(letter) && !flags.includes(letter)) flags += letter
    source = source.slice(flagGroup[0].length)
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/g, '\\k<$1>')
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\Z/g, '$1$(?![\\s\\S])')
  try {
    return { _tag: 'Pattern', regex: new RegExp(source, flags) }
  } catch (error) {
    return { _tag: 'InvalidPattern', reason: `invalid regular expression ${pattern}: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** `re.search(pattern, text) is not None`, or the reason the pattern cannot be used. */
export function searchPythonRegex(pattern: string, text: string): { readonly matched: boolean; readonly invalid?: string } {
  const compiled = compilePythonRegex(pattern)
  if (compiled._tag === 'InvalidPattern') return { matched: false, invalid: compiled.reason }
  return { matched: compiled.regex.test(text) }
}
