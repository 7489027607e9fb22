/** RudderStack messages as SDKs send them (Segment-spec fields plus RudderStack's envelope). */

const envelope = (messageId: string, day: number) => ({
  messageId,
  anonymousId: 'anon-7f3a',
  channel: 'web',
  integrations: { All: true },
  originalTimestamp: `2024-11-0${day}T10:00:00.000Z`,
  sentAt: `2024-11-0${day}T10:00:00.100Z`,
  receivedAt: `2024-11-0${day}T10:00:00.200Z`,
  timestamp: `2024-11-0${day}T10:00:00.000Z`,
});

const library = { name: 'RudderLabs JavaScript SDK', version: '3.7.0' };

export function identifyMessage(messageId: string, traits: Record<string, unknown>, userId = 'user-jane') {
  return { type: 'identify', ...envelope(messageId, 1), userId, context: { library, traits }, traits };
}

export function trackMessage(
  messageId: string,
  event: string,
  day: number,
  properties: Record<string, unknown> = {},
  email = 'jane.doe@acme.com',
) {
  return {
    type: 'track',
    ...envelope(messageId, day),
    userId: `user-${email.split('@')[0]}`,
    event,
    properties,
    context: { library, traits: { email, firstName: 'Jane', lastName: 'Doe' } },
  };
}

export function groupMessage(messageId: string, groupId: string, traits: Record<string, unknown>) {
  return {
    type: 'group',
    ...envelope(messageId, 1),
    userId: 'user-jane',
    groupId,
    traits,
    context: { library, traits: { email: 'jane.doe@acme.com' } },
  };
}
