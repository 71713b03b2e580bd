/**
 * The wire codecs, in one import: decode everything that crosses a process boundary with these
 * (never cast), encode with the `encode*` helpers where the wire differs from core (timestamps).
 * Split by concern: primitives (scalars), operation-codecs (service state), request-codecs
 * (updates, API bodies, invocation event), decode (the one-line error with a path).
 */
export * from './decode.js'
export * from './primitives.js'
export * from './operation-codecs.js'
export * from './request-codecs.js'
