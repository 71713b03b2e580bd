/**
 * The Python text renderings the official runner's rules are written against: `str(value)` (what a
 * `${/regex/}` is searched in), `repr` (how strings look inside printed dicts and lists) and
 * `json.dumps(value)` with its default `", "`/`": "` separators and ASCII escapes (the bytes of a
 * callback success Result). Values come from JSON/YAML, so a number that is an integer renders as a
 * Python int (`3`): JSON parsing in JavaScript cannot tell `3.0` from `3`. Other numbers render as
 * Python's float repr (`3.5`, `1e-05`, `1e+16`).
 */
import { isRecord } from './json-values.js'

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u

/** Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (Object.is(value, -0)) return '-0.0'
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  const sign = mantissa.startsWith('-') ? '-' : ''
  const digits = mantissa.replace('-', '').replace('.', '')
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const magnitude = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
  const fractionPart = digits.slice(exponent + 1)
  return `${sign}${integerPart}.${fractionPart === '' ? '0' : fractionPart}`
}

function pythonNumber(value: number): string {
  if (Number.isInteger(value) && !Object.is(value, -0)) return BigInt(value).toString()
  return pythonFloatRepr(value)
}

function hexEscape(codePoint: number): string {
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, '0')}`
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, '0')}`
  return `\\U${codePoint.toString(16).padStart(8, '0')}`
}

/** Python's `repr(str)`: single quotes unless the text holds `'` and no `"`. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let body = ''
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0
    if (char === '\\' || char === quote) body += `\\${char}`
    else if (char === '\n') body += '\\n'
    else if (char === '\r') body += '\\r'
    else if (char === '\t') body += '\\t'
    else if (char !== ' ' && NON_PRINTABLE.test(char)) body += hexEscape(codePoint)
    else body += char
  }
  return `${quote}${body}${quote}`
}

/** Python's `repr(value)` for a decoded JSON/YAML value. */
export function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return pythonStringRepr(value)
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`
  if (isRecord(value)) {
    const items = Object.entries(value).map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`)
    return `{${items.join(', ')}}`
  }
  return pythonStr(value)
}

/** Python's `str(value)` for a decoded JSON/YAML value: `True`, `False`, `None`, `3`, `3.5`. */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return pythonNumber(value)
  if (typeof value === 'string') return value
  if (value instanceof Date) return value.toISOString()
  return pythonRepr(value)
}

function jsonStringAscii(text: string): string {
  let body = ''
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? ''
    const code = text.charCodeAt(index)
    if (char === '"') body += '\\"'
    else if (char === '\\') body += '\\\\'
    else if (char === '\n') body += '\\n'
    else if (char === '\r') body += '\\r'
    else if (char === '\t') body += '\\t'
    else if (char === '\b') body += '\\b'
    else if (char === '\f') body += '\\f'
    else if (code < 0x20 || code > 0x7e) body += `\\u${code.toString(16).padStart(4, '0')}`
    else body += char
  }
  return `"${body}"`
}

function jsonNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  return pythonNumber(value)
}

/** Python's `json.dumps(value)` with default arguments. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (typeof value === 'number') return jsonNumber(value)
  if (typeof value === 'string') return jsonStringAscii(value)
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`
  if (isRecord(value)) {
    const items = Object.entries(value).map(([key, item]) => `${jsonStringAscii(key)}: ${pythonJsonDumps(item)}`)
    return `{${items.join(', ')}}`
  }
  return jsonStringAscii(String(value))
}
