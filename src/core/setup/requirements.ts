/**
 * What a configuration needs of an Attio workspace (pure): the objects, the attributes the workflows write
 * with their options, the trial and PQL lists with their entry attributes, the deal stages, the deal key and
 * the sales reps. Setup plans from it and the check reports against it.
 */
import type { PlgConfig } from '../config/index.js';
import { EMPLOYEE_RANGES } from '../scoring/index.js';
import { accountScoringOn } from '../workflows/account.js';
import {
  ACCOUNT_SCORE_ATTRIBUTES,
  COMPANY_ATTRIBUTES,
  DEFAULT_DEAL_KEY,
  LIST_ENTRY_ATTRIBUTES,
  PERSON_ATTRIBUTES,
  STANDARD_ATTRIBUTES,
  STARTER_PLAN_TYPES,
  dealKeyAttribute,
  titleOf,
  type AttributeDefinition,
  type OptionSet,
} from './attributes.js';

/** `required`: the workspace is not ready without it. `recommended`: works without it, with less (a note). */
export type Severity = 'required' | 'recommended';

export interface ObjectRequirement {
  object: string;
  /** `always`: the workflows need it. `if-enabled`: used when the workspace has it (productObjects: auto). */
  presence: 'always' | 'if-enabled';
  /** What is lost without it (said when it is missing). */
  without: string;
  setting?: string;
}

export interface AttributeRequirement {
  object: string;
  definition: AttributeDefinition;
  /** Attio's own attribute: checked, never created. */
  standard: boolean;
  options?: OptionSet;
  severity: Severity;
  setting?: string;
  /** What is lost without it, when it is only recommended. */
  without?: string;
}

/** The check's note when deals have no unique key (deals are otherwise found by query: docs/guarantees.md). */
export const NO_DEAL_KEY =
  'no unique deal key: cross-process safety is off (two processes handling one account at the same moment may each open its deal)';

export type ListSetting = 'trialList' | 'pqlList';

export interface ListRequirement {
  setting: ListSetting;
  /** The configured slug or id. */
  list: string;
  /** The name setup gives the list when it creates it. */
  name: string;
  parentObject: 'people';
  attributes: readonly AttributeDefinition[];
}

export interface StageRequirement {
  setting: 'pqlStage' | 'handoffStage';
  title: string;
}

export interface WorkspaceRequirements {
  objects: ObjectRequirement[];
  attributes: AttributeRequirement[];
  lists: ListRequirement[];
  stages: StageRequirement[];
  /** Members that own deals and tasks; empty: the token's own member. */
  salesReps: readonly string[];
}

const PRODUCT_OBJECTS = {
  users: 'events that carry only a userId cannot find their person, and no user records are kept',
  workspaces: 'no workspace records are kept for group calls, and a group needs a website',
} as const;

export function requirementsFor(config: PlgConfig): WorkspaceRequirements {
  return {
    objects: objectRequirements(config),
    attributes: [...standardAttributes(config), ...customAttributes(config)],
    lists: listRequirements(config),
    stages: stageRequirements(config),
    salesReps: config.salesReps,
  };
}

function productObjectsUsed(config: PlgConfig): Array<keyof typeof PRODUCT_OBJECTS> {
  return config.productObjects === 'off' ? [] : ['users', 'workspaces'];
}

function objectRequirements(config: PlgConfig): ObjectRequirement[] {
  const core: ObjectRequirement[] = [
    { object: 'people', presence: 'always', without: 'no workflow can run' },
    { object: 'companies', presence: 'always', without: 'no company can be kept' },
    { object: 'deals', presence: 'always', without: 'no PQL or handoff deal can be opened' },
  ];
  const product = productObjectsUsed(config).map(
    (object): ObjectRequirement => ({
      object,
      presence: config.productObjects === 'on' ? 'always' : 'if-enabled',
      without: PRODUCT_OBJECTS[object],
      setting: 'productObjects',
    }),
  );
  return [...core, ...product];
}

function standardAttributes(config: PlgConfig): AttributeRequirement[] {
  const objects = ['people', 'companies', 'deals', ...productObjectsUsed(config)];
  return objects.flatMap((object) =>
    (STANDARD_ATTRIBUTES[object] ?? []).map(
      (definition): AttributeRequirement => ({ object, definition, standard: true, severity: 'required' }),
    ),
  );
}

function customAttributes(config: PlgConfig): AttributeRequirement[] {
  const person = (definition: AttributeDefinition, options?: OptionSet): AttributeRequirement => ({
    object: 'people',
    definition,
    standard: false,
    severity: 'required',
    ...(options ? { options } : {}),
  });
  const milestones = [...new Set(Object.values(config.milestoneEvents))];
  const p = PERSON_ATTRIBUTES;
  const c = COMPANY_ATTRIBUTES;
  const dealKey = config.dealMatchingAttribute ?? DEFAULT_DEAL_KEY;
  return [
    person(p.signupDate),
    person(p.signupSource),
    person(p.planType, { titles: STARTER_PLAN_TYPES, need: 'starter' }),
    person(p.pqlScore),
    person(p.pqlTier, { titles: tierNames(config.userTiers), need: 'every', setting: 'userTiers' }),
    person(p.pqlExplanation),
    person(p.pqlScoredAt),
    person(p.pqlQualifiedAt),
    person(p.lastActivityDate),
    person(p.activationScore),
    person(p.milestonesCompleted, { titles: milestones, need: 'every', setting: 'milestoneEvents' }),
    person(p.profileUpdatedAt),
    { object: 'companies', definition: c.pqlScore, standard: false, severity: 'required' },
    { object: 'companies', definition: c.accountUpdatedAt, standard: false, severity: 'required' },
    {
      object: 'companies',
      definition: c.planType,
      standard: false,
      severity: 'required',
      options: { titles: STARTER_PLAN_TYPES, need: 'starter' },
    },
    ...(accountScoringOn(config) ? accountAttributes(config) : []),
    {
      object: 'deals',
      definition: dealKeyAttribute(dealKey),
      standard: false,
      // Without a configured key the connector still works, finding deals by query: a note, not a problem.
      severity: config.dealMatchingAttribute === undefined ? 'recommended' : 'required',
      without: NO_DEAL_KEY,
      ...(config.dealMatchingAttribute === undefined ? {} : { setting: 'dealMatchingAttribute' }),
    },
  ];
}

/** The account score's attributes: only when the workflows roll accounts up (`accountScoring` or `dealTrigger`). */
function accountAttributes(config: PlgConfig): AttributeRequirement[] {
  const a = ACCOUNT_SCORE_ATTRIBUTES;
  const company = (definition: AttributeDefinition, options?: OptionSet): AttributeRequirement => ({
    object: 'companies',
    definition,
    standard: false,
    severity: 'required',
    setting: config.accountScoring ? 'accountScoring' : 'dealTrigger',
    ...(options ? { options } : {}),
  });
  return [
    { ...company(PERSON_ATTRIBUTES.pqlSignals), object: 'people' },
    company(a.score),
    company(a.tier, { titles: tierNames(config.accountTiers), need: 'every', setting: 'accountTiers' }),
    company(a.explanation),
    company(a.scoredAt),
    company(a.qualifiedAt),
    company(a.signals),
    company(a.industry),
    company(a.employeeRange, { titles: EMPLOYEE_RANGES, need: 'every' }),
    company(a.country),
  ];
}

/** Tier names from the lowest band up (cold, warm, hot), as the select lists them. */
function tierNames(bands: readonly { name: string; min: number }[]): string[] {
  return [...bands].sort((x, y) => x.min - y.min).map((band) => band.name);
}

function listRequirements(config: PlgConfig): ListRequirement[] {
  const byList = new Map<string, ListRequirement>();
  for (const setting of ['trialList', 'pqlList'] as const) {
    const list = config[setting];
    const same = byList.get(list);
    // One list for both roles: it needs the entry attributes of both.
    if (same)
      same.attributes = [
        ...same.attributes,
        ...LIST_ENTRY_ATTRIBUTES[setting].filter((a) => !same.attributes.some((b) => b.slug === a.slug)),
      ];
    else
      byList.set(list, {
        setting,
        list,
        name: titleOf(list),
        parentObject: 'people',
        attributes: LIST_ENTRY_ATTRIBUTES[setting],
      });
  }
  return [...byList.values()];
}

function stageRequirements(config: PlgConfig): StageRequirement[] {
  const stages: StageRequirement[] = [{ setting: 'pqlStage', title: config.pqlStage }];
  if (config.handoffStage !== config.pqlStage) stages.push({ setting: 'handoffStage', title: config.handoffStage });
  return stages;
}
