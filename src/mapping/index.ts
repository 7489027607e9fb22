export { mapEvent, workflowOf, type EventWorkflow } from './map-event.js';
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
