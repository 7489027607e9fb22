export type * from './intents.js';
export { mapEvent } from './map-event.js';
export {
  MESSAGE_TYPES,
  type GroupMessage,
  type HandoffMessage,
  type IdentifyMessage,
  type MessageType,
  type MilestoneMessage,
  type SignupMessage,
  type UsageMessage,
} from './messages.js';
