/**
 * A stand-in for rudder-transformer's `handleHttpRequest` (its src/adapters/network.js and
 * src/adapters/utils/networkUtils.js), written from that source for tests: the same argument order per
 * method, axios with the caller's options over the module's defaults (a 60 s timeout unless given), the
 * wrapped answer `{ success, response }` (axios's response, or its error) and the processed one
 * `{ response, status, headers }`, where a request that got no answer maps its Node error code to a status.
 * Where network.js fires its `outgoing_request_count`/`outgoing_request_latency` metrics, this records the
 * stat tags in `outgoing`.
 */
'use strict';

/** networkUtils.js's nodeSysErrorToStatus, for the codes a request to Attio can end with. */
const SYSTEM_ERROR_STATUS = {
  ECONNREFUSED: 500,
  ECONNRESET: 500,
  ETIMEDOUT: 500,
  EAI_AGAIN: 500,
  ECONNABORTED: 500,
  ENOTFOUND: 400,
};

function processAxiosResponse(clientResponse) {
  if (!clientResponse.success) {
    const { response, code } = clientResponse.response;
    if (!response && code) return { response: `[${code}]`, status: SYSTEM_ERROR_STATUS[code] || 400 };
    if (response) {
      const { data, status, headers } = response;
      return {
        response: data || '',
        status: status || 500,
        ...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
      };
    }
    return { response: '', status: 500 };
  }
  const { data, status, headers } = clientResponse.response;
  return {
    response: data || '',
    status: status || 500,
    ...(headers && Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

function createHandleHttpRequest(axios) {
  const outgoing = [];
  const defaults = { timeout: 60000, responseType: 'json', maxRedirects: 5 };

  async function send(method, url, data, options, statTags) {
    const requestOptions = { ...defaults, ...options };
    let clientResponse;
    try {
      const response =
        method === 'get' || method === 'delete'
          ? await axios[method](url, requestOptions)
          : await axios[method](url, data, requestOptions);
      clientResponse = { success: true, response };
    } catch (error) {
      clientResponse = { success: false, response: error };
    }
    const status = clientResponse.success ? clientResponse.response.status : clientResponse.response.response?.status;
    outgoing.push({ ...statTags, statusCode: status, success: clientResponse.success });
    return clientResponse;
  }

  async function handleHttpRequest(requestType = 'post', ...httpArgs) {
    const method = requestType.toLowerCase();
    const httpResponse =
      method === 'get' || method === 'delete'
        ? await send(method, httpArgs[0], undefined, httpArgs[1], httpArgs[2])
        : await send(
            ['put', 'patch'].includes(method) ? method : 'post',
            httpArgs[0],
            httpArgs[1],
            httpArgs[2],
            httpArgs[3],
          );
    return { httpResponse, processedResponse: processAxiosResponse(httpResponse) };
  }

  return { handleHttpRequest, outgoing };
}

module.exports = { createHandleHttpRequest };
