import { z } from 'zod';
import { normaliseDomain, normaliseEmail } from '../domains/normalise.js';
import { accountModelSchema, defaultAccountModel } from '../scoring/account-model.js';
import { scoringModelSchema } from '../scoring/model.js';
import { defaultTierBands, tierBandsSchema } from '../scoring/tiers.js';
import { checkApiUrl } from './api-url.js';
import { formatPath } from './zod-issues.js';
import { CONFIG_DEFAULTS } from './defaults.js';

/** A milestone key as stored in Attio's `milestones_completed`, e.g. `first_integration`. */
export const MILESTONE_KEY = /^[a-z0-9_]{1,64}$/;
export const MILESTONE_KEY_REASON = 'must be a key of a-z, 0-9 and _ (1 to 64 characters), e.g. first_integration';

export const PERSONAL_DOMAIN_POLICIES = ['skip-company', 'allow-company'] as const;
export const PRODUCT_OBJECTS_MODES = ['auto', 'on', 'off'] as const;
/** Which qualification opens an account's PQL deal. */
export const DEAL_TRIGGERS = ['user', 'account', 'both'] as const;
/** Who owns an attribute the sync writes: `reps` (a rep's edit wins) or `product` (the sync always writes). */
export const ATTRIBUTE_OWNERS = ['product', 'reps'] as const;
/** An attribute named `<object>.<attribute slug>`, e.g. `people.job_title`. */
export const OWNED_ATTRIBUTE = /^[a-z0-9_]+\.[a-z0-9_]+$/;
/** Whose tier changes raise a task for the owner. */
export const TIER_CHANGE_TASKS = ['off', 'users', 'accounts', 'both'] as const;

const name = z.string().trim().min(1).max(200);
const eventNames = z.array(name);
const milestoneKey = z.string().regex(MILESTONE_KEY, { error: MILESTONE_KEY_REASON });

/** What a user lists is laid over the defaults: naming one attribute leaves the others as they were. */
const ownership = z
  .record(z.string(), z.enum(ATTRIBUTE_OWNERS))
  .default({})
  .transform((given, ctx) => {
    for (const key of Object.keys(given).filter((k) => !OWNED_ATTRIBUTE.test(k)))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'must name an attribute as <object>.<attribute slug>, e.g. people.job_title',
      });
    return { ...CONFIG_DEFAULTS.ownership, ...given };
  });

const apiUrl = z.string().transform((input, ctx) => {
  const checked = checkApiUrl(input);
  if (checked.ok) return checked.url;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});

const salesRepEmail = z.string().transform((input, ctx) => {
  const email = normaliseEmail(input);
  if (email !== undefined) return email;
  ctx.addIssue({ code: 'custom', message: 'must be a workspace member email address' });
  return z.NEVER;
});

const personalDomain = z.string().transform((input, ctx) => {
  const domain = normaliseDomain(input);
  if (domain !== undefined) return domain;
  ctx.addIssue({ code: 'custom', message: 'must be a domain name such as example.org' });
  return z.NEVER;
});

/** The connector configuration (docs/configuration.md). Segment settings, RudderStack `Config` and `--config` map onto it. */
export const plgConfigSchema = z
  .strictObject({
    apiKey: z.string().trim().min(1),
    apiUrl: apiUrl.default(CONFIG_DEFAULTS.apiUrl),
    trialList: name.default(CONFIG_DEFAULTS.trialList),
    pqlList: name.default(CONFIG_DEFAULTS.pqlList),
    pqlStage: name.default(CONFIG_DEFAULTS.pqlStage),
    handoffStage: name.default(CONFIG_DEFAULTS.handoffStage),
    pqlThreshold: z.number().min(0).max(100).default(CONFIG_DEFAULTS.pqlThreshold),
    // A copy of the frozen default, made without structuredClone: Jest 27's node environment (action-destinations') has none.
    scoringModel: scoringModelSchema.default(() => ({
      signals: CONFIG_DEFAULTS.scoringModel.signals.map((signal) => ({ ...signal })),
    })),
    decayHalfLifeDays: z.number().gt(0).max(3650).nullable().default(CONFIG_DEFAULTS.decayHalfLifeDays),
    userTiers: tierBandsSchema.default(defaultTierBands),
    accountModel: accountModelSchema.default(defaultAccountModel),
    accountThreshold: z.number().min(0).max(100).default(CONFIG_DEFAULTS.accountThreshold),
    accountTiers: tierBandsSchema.default(defaultTierBands),
    dealTrigger: z.enum(DEAL_TRIGGERS).default(CONFIG_DEFAULTS.dealTrigger),
    accountScoring: z.boolean().default(CONFIG_DEFAULTS.accountScoring),
    tierChangeTasks: z.enum(TIER_CHANGE_TASKS).default(CONFIG_DEFAULTS.tierChangeTasks),
    salesReps: z.array(salesRepEmail).default(() => [...CONFIG_DEFAULTS.salesReps]),
    taskDueHours: z.number().gt(0).default(CONFIG_DEFAULTS.taskDueHours),
    milestoneEvents: z.record(name, milestoneKey).default(() => ({ ...CONFIG_DEFAULTS.milestoneEvents })),
    milestoneReachedEvent: name.default(CONFIG_DEFAULTS.milestoneReachedEvent),
    signupEvents: eventNames.default(() => [...CONFIG_DEFAULTS.signupEvents]),
    usageEvents: eventNames.default(() => [...CONFIG_DEFAULTS.usageEvents]),
    handoffEvents: eventNames.default(() => [...CONFIG_DEFAULTS.handoffEvents]),
    personalDomains: z.enum(PERSONAL_DOMAIN_POLICIES).default(CONFIG_DEFAULTS.personalDomains),
    extraPersonalDomains: z.array(personalDomain).default(() => [...CONFIG_DEFAULTS.extraPersonalDomains]),
    dealMatchingAttribute: name.optional(),
    productObjects: z.enum(PRODUCT_OBJECTS_MODES).default(CONFIG_DEFAULTS.productObjects),
    strict: z.boolean().default(CONFIG_DEFAULTS.strict),
    schemaCacheTtlSeconds: z.number().min(0).default(CONFIG_DEFAULTS.schemaCacheTtlSeconds),
    signupSource: name.default(CONFIG_DEFAULTS.signupSource),
    readsPerSecond: z.number().gt(0).default(CONFIG_DEFAULTS.readsPerSecond),
    writesPerSecond: z.number().gt(0).default(CONFIG_DEFAULTS.writesPerSecond),
    requestTimeoutMs: z.number().int().min(100).max(120_000).default(CONFIG_DEFAULTS.requestTimeoutMs),
    ownership,
  })
  .superRefine((config, ctx) => {
    // An event name routes to exactly one workflow; a name in two roles would make routing depend on order.
    const roles = new Map<string, string>();
    const claim = (event: string, path: (string | number)[]): void => {
      const owner = roles.get(event);
      if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${event}" is already routed by ${owner}; an event name can have one role`,
        });
      } else {
        roles.set(event, formatPath(path));
      }
    };
    config.signupEvents.forEach((event, index) => claim(event, ['signupEvents', index]));
    Object.keys(config.milestoneEvents).forEach((event) => claim(event, ['milestoneEvents', event]));
    claim(config.milestoneReachedEvent, ['milestoneReachedEvent']);
    config.usageEvents.forEach((event, index) => claim(event, ['usageEvents', index]));
    config.handoffEvents.forEach((event, index) => claim(event, ['handoffEvents', index]));
  });

export type PlgConfig = z.infer<typeof plgConfigSchema>;
/** What a user may write: every key but `apiKey` optional. */
export type PlgConfigInput = z.input<typeof plgConfigSchema>;
