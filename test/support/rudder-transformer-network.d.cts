import type { AxiosInstance } from 'axios';
import type { HandleHttpRequest } from '../../src/destinations/rudderstack/index.js';

/** The stat tags network.js receives with a call, and how the call ended. */
export interface OutgoingRequest {
  destType?: string;
  feature?: string;
  endpointPath?: string;
  requestMethod?: string;
  module?: string;
  metadata?: Record<string, unknown>;
  statusCode?: number;
  success: boolean;
}

export function createHandleHttpRequest(axios: AxiosInstance): { handleHttpRequest: HandleHttpRequest; outgoing: OutgoingRequest[] };
