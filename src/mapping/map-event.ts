import type { PlgConfig } from '../core/config/schema.js';
import { InvalidEventError } from '../core/errors.js';
import { NAME_MAX, checkText } from './fields.js';
import type {
  GroupIntent,
  HandoffIntent,
  IdentifyIntent,
  Intent,
  MilestoneIntent,
  PqlIntent,
  SignupIntent,
} from '../core/intents.js';
import {
  eventTimestamp,
  groupMessageSchema,
  handoffMessageSchema,
  identifyMessageSchema,
  messageType,
  milestoneMessageSchema,
  parseMessage,
  parseSignals,
  signupMessageSchema,
  usageMessageSchema,
} from './messages.js';
import { definedOnly, isoDate, mergeTraits, optionalPerson, personName, requirePerson } from './person.js';

/**
 * Maps one Segment-spec message to the workflow intents the tracking plan (the configuration) asks for.
 * Pure. Throws InvalidEventError naming the field for an event that can never be applied; returns [] for a
 * track event the tracking plan does not route (ignored, not an error).
 */
export function mapEvent(raw: unknown, config: PlgConfig): Intent[] {
  const type = messageType(raw);
  const message = raw as object;
  switch (type) {
    case 'identify':
      return mapIdentify(message, config);
    case 'group':
      return [mapGroup(message, config)];
    case 'track':
      return mapTrack(message, config);
  }
}

function mapIdentify(raw: object, config: PlgConfig): Intent[] {
  const message = parseMessage(identifyMessageSchema, raw);
  const base = { messageId: message.messageId, timestamp: eventTimestamp(raw) };
  const traits = mergeTraits(message.context?.traits, message.traits);
  const person = requirePerson(traits.email, message.userId);
  const identify: IdentifyIntent = {
    kind: 'identify',
    ...base,
    person,
    profile: definedOnly({
      name: personName(traits),
      jobTitle: traits.title,
      plan: traits.plan,
      signupDate: traits.createdAt === undefined ? undefined : isoDate(traits.createdAt),
      companyName: traits.company?.name,
      companyDomain: traits.company?.website ?? traits.company?.domain,
      workspaceId: traits.company?.id ?? message.context?.groupId,
    }),
  };
  const signals = {
    ...parseSignals(raw, ['context', 'traits'], config.scoringModel),
    ...parseSignals(raw, ['traits'], config.scoringModel),
  };
  if (Object.keys(signals).length === 0) return [identify];
  const pql: PqlIntent = { kind: 'pql', ...base, person, signals };
  return [identify, pql];
}

type TrackRoute = 'signup' | 'milestone' | 'usage' | 'handoff';

function routeOf(event: string, config: PlgConfig): TrackRoute | undefined {
  if (config.signupEvents.includes(event)) return 'signup';
  if (Object.prototype.hasOwnProperty.call(config.milestoneEvents, event) || event === config.milestoneReachedEvent)
    return 'milestone';
  if (config.usageEvents.includes(event)) return 'usage';
  if (config.handoffEvents.includes(event)) return 'handoff';
  return undefined;
}

function mapTrack(raw: object, config: PlgConfig): Intent[] {
  const checkedEvent = checkText(NAME_MAX)((raw as Record<string, unknown>)['event']);
  if (!checkedEvent.ok) throw new InvalidEventError('event', checkedEvent.reason);
  const event = checkedEvent.value;
  switch (routeOf(event, config)) {
    case 'signup':
      return [mapSignup(raw, config)];
    case 'milestone':
      return [mapMilestone(raw, event, config)];
    case 'usage':
      return [mapUsage(raw, config)];
    case 'handoff':
      return [mapHandoff(raw, event)];
    case undefined:
      return [];
  }
}

function mapSignup(raw: object, config: PlgConfig): SignupIntent {
  const message = parseMessage(signupMessageSchema, raw);
  const timestamp = eventTimestamp(raw);
  const traits = mergeTraits(message.context?.traits, message.traits);
  const properties = message.properties ?? {};
  const email = traits.email ?? properties.email;
  if (email === undefined) {
    throw new InvalidEventError(
      'traits.email',
      'is required for a signup (traits.email, context.traits.email or properties.email)',
    );
  }
  return {
    kind: 'signup',
    messageId: message.messageId,
    timestamp,
    person: requirePerson(email, message.userId),
    profile: definedOnly({
      name: personName(traits),
      jobTitle: traits.title,
      plan: properties.plan ?? traits.plan,
      signupDate: isoDate(traits.createdAt ?? timestamp),
      signupSource: properties.source ?? message.context?.campaign?.source ?? config.signupSource,
      companyName: traits.company?.name ?? properties.company_name,
      companyDomain: traits.company?.website ?? traits.company?.domain,
      workspaceId: traits.company?.id ?? message.context?.groupId,
    }),
  };
}

function mapMilestone(raw: object, event: string, config: PlgConfig): MilestoneIntent {
  const message = parseMessage(milestoneMessageSchema, raw);
  const timestamp = eventTimestamp(raw);
  const traits = mergeTraits(message.context?.traits, message.traits);
  const milestone = Object.prototype.hasOwnProperty.call(config.milestoneEvents, event)
    ? config.milestoneEvents[event]
    : message.properties?.milestone;
  if (milestone === undefined) throw new InvalidEventError('properties.milestone', `is required for "${event}"`);
  return {
    kind: 'milestone',
    messageId: message.messageId,
    timestamp,
    person: requirePerson(traits.email ?? message.properties?.email, message.userId),
    ...definedOnly({ name: personName(traits) }),
    milestone,
  };
}

function mapUsage(raw: object, config: PlgConfig): PqlIntent {
  const message = parseMessage(usageMessageSchema, raw);
  const timestamp = eventTimestamp(raw);
  const traits = mergeTraits(message.context?.traits, message.traits);
  const signals = parseSignals(raw, ['properties'], config.scoringModel);
  if (Object.keys(signals).length === 0) {
    const keys = config.scoringModel.signals.map((signal) => signal.key).join(', ');
    throw new InvalidEventError('properties', `must carry at least one scoring signal (${keys})`);
  }
  return {
    kind: 'pql',
    messageId: message.messageId,
    timestamp,
    person: requirePerson(traits.email ?? message.properties?.email, message.userId),
    ...definedOnly({ name: personName(traits) }),
    signals,
  };
}

function mapHandoff(raw: object, event: string): HandoffIntent {
  const message = parseMessage(handoffMessageSchema, raw);
  const timestamp = eventTimestamp(raw);
  const traits = mergeTraits(message.context?.traits, message.traits);
  const properties = message.properties ?? {};
  return definedOnly({
    kind: 'handoff',
    messageId: message.messageId,
    timestamp,
    person: requirePerson(traits.email ?? properties.email, message.userId),
    name: personName(traits),
    eventName: event,
    value: properties.value,
    plan: properties.plan,
    reason: properties.reason,
  });
}

function mapGroup(raw: object, config: PlgConfig): GroupIntent {
  const message = parseMessage(groupMessageSchema, raw);
  const timestamp = eventTimestamp(raw);
  const traits = message.traits ?? {};
  // Group traits describe the account, so the person comes only from context.traits and userId.
  const person = optionalPerson(message.context?.traits?.email, message.userId);
  return definedOnly({
    kind: 'group',
    messageId: message.messageId,
    timestamp,
    groupId: message.groupId,
    person,
    company: definedOnly({
      name: traits.name,
      domain: traits.website ?? traits.domain,
      plan: traits.plan,
      industry: traits.industry,
      employeeRange: traits.employees,
      country: traits.address?.country ?? traits.country,
    }),
    signals: parseSignals(raw, ['traits'], config.scoringModel),
  });
}

export type EventWorkflow =
  | 'identify'
  | 'group'
  | 'signup'
  | 'milestone'
  | 'pql'
  | 'handoff'
  | 'untracked'
  | 'unrecognised';

/**
 * Which workflow the tracking plan routes a raw event to, without validating it: for reports that count
 * applied and rejected events per workflow (a rejected event still belongs somewhere).
 */
export function workflowOf(raw: unknown, config: PlgConfig): EventWorkflow {
  if (raw === null || typeof raw !== 'object') return 'unrecognised';
  const { type, event } = raw as { type?: unknown; event?: unknown };
  const kind = typeof type === 'string' ? type.toLowerCase() : undefined;
  if (kind === 'identify' || kind === 'group') return kind;
  if (kind !== 'track' || typeof event !== 'string') return 'unrecognised';
  const route = routeOf(event, config);
  if (route === undefined) return 'untracked';
  return route === 'usage' ? 'pql' : route;
}
