/**
 * The slice of better-sqlite3's API this folder uses (the package ships no types and adding
 * @types/better-sqlite3 is outside this module's remit). Kept minimal on purpose.
 */
declare module 'better-sqlite3' {
  interface RunResult {
    changes: number
  }
  interface Statement {
    run(...params: unknown[]): RunResult
    get(...params: unknown[]): unknown
    all(...params: unknown[]): unknown[]
    iterate(...params: unknown[]): IterableIterator<unknown>
  }
  interface Database {
    prepare(sql: string): Statement
    exec(sql: string): void
    pragma(sql: string): unknown
    transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
    close(): void
  }
  const Database: new (file: string) => Database
  export default Database
}
