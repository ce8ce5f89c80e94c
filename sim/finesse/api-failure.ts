// How the simulator says no. Synchronous failures become an HTTP status with an <ApiErrors> body;
// asynchronous ones (the CTI layer refusing after the 202) become an <apiErrors> notification.
import type { ApiError } from '../../src/core/finesse/types.ts';

/** A refusal answered on the HTTP response itself. */
export interface ApiFailure {
  readonly status: number;
  readonly errors: readonly ApiError[];
}

/** One Finesse error with no peripheral details. */
export function apiError(errorType: string, errorMessage: string, errorData: string | null = null): ApiError {
  return {
    errorType,
    errorMessage,
    errorData,
    peripheralErrorCode: null,
    peripheralErrorMsg: null,
    peripheralErrorText: null,
  };
}

/** A synchronous failure with one error. */
export function failure(
  status: number,
  errorType: string,
  errorMessage: string,
  errorData: string | null = null,
): ApiFailure {
  return { status, errors: [apiError(errorType, errorMessage, errorData)] };
}

/** CTI error constants and the numbers the CTI server reports them with. */
const CTI_ERRORS = {
  CF_INVALID_OBJECT_STATE: '22',
  CF_INVALID_AGENT_WORKMODE: '265',
  CF_GENERIC_OPERATION: '20999',
} as const;

type CtiErrorName = keyof typeof CTI_ERRORS;

/** The asynchronous error a refused state change produces (User node, errorType "Invalid State"). */
export function ctiError(name: CtiErrorName): ApiError {
  return apiError('Invalid State', name, CTI_ERRORS[name]);
}

/** The asynchronous error a refused call operation produces (Dialogs node): the guide's Dialog CTI Error Notification type. */
export function callOperationError(name: CtiErrorName): ApiError {
  return apiError('Call Operation Failure', name, CTI_ERRORS[name]);
}
