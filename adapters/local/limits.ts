/**
 * Every size, count and time limit the embedded engine enforces, in one place (PROTOCOL.md §1.1,
 * §3.2, §11). Values are the service's published limits where one exists; where the service's exact
 * number is unknown the choice is stated, so tests and the HTTP layer agree with the engine.
 */

/** Bytes: UTF-8 length of an update's Payload for every type but EXECUTION (1 MB API limit). */
export const MAX_PAYLOAD_BYTES = 1_048_576
/** Bytes: Payload of an EXECUTION update (6 MB, synchronous executions). */
export const MAX_EXECUTION_PAYLOAD_BYTES = 6_291_456
/** Bytes: JSON of all Error fields of one update combined (1 MB). */
export const MAX_ERROR_BYTES = 1_048_576
/** Bytes: SendDurableExecutionCallbackSuccess Result (1 MB). */
export const MAX_CALLBACK_RESULT_BYTES = 1_048_576
/** Updates per CheckpointDurableExecution request; chosen to equal the 2.4 SDK's own batch cap. */
export const MAX_UPDATES_PER_BATCH = 250
/** Operations one execution may hold (quoted in a 2.4 source comment). */
export const MAX_OPERATIONS_PER_EXECUTION = 30_000
/** GetDurableExecutionState / history page sizes: default when MaxItems is absent or 0, and maximum. */
export const DEFAULT_PAGE_SIZE = 100
export const MAX_PAGE_SIZE = 1000
/** Operations placed inline in an invocation event before NextMarker takes over. */
export const MAX_EVENT_OPERATIONS = 1000
/** Consecutive failed invocations (thrown, bad output, refused PENDING) before the execution fails. */
export const MAX_INVOCATION_ATTEMPTS = 3
/** Execution timeout reported in ExecutionStartedDetails (seconds); the engine does not enforce it. */
export const DEFAULT_EXECUTION_TIMEOUT_SECONDS = 31_622_400
/** Bits of randomness in a callback id: far beyond guessing. */
export const CALLBACK_ID_RANDOM_BYTES = 24
/** Lambda context remaining time reported to handlers (ms), as the official local runner does. */
export const REMAINING_TIME_MS = 900_000
