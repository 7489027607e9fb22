/**
 * The API key travels in every request, so the base URL must be https — or plain http only to this
 * machine (the emulator), where nothing crosses a network.
 */

export type ApiUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkApiUrl(input: string): ApiUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'must be an absolute URL such as https://api.attio.com' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'must not contain credentials' };
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'must not contain a query or fragment' };
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, reason: 'must use https (http is allowed only for localhost, 127.0.0.0/8 or [::1])' };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

function isLoopbackHost(hostname: string): boolean {
  // URL normalises IPv4 forms (`0x7f.1` -> `127.0.0.1`) and keeps IPv6 in brackets.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
