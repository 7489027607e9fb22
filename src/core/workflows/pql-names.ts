/** The titles of what a qualification makes, shared by the user (./pql.ts) and account (./account-deal.ts) paths. */
export const PQL_NOTE_TITLE = 'PQL Qualified';
export const PQL_TASK_PREFIX = 'PQL Follow-up';
