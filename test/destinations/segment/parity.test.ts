/**
 * Parity with Segment's own Attio destination (identifyUser, groupWorkspace, assertRecord), with the
 * extra attributes a marketer maps, against the emulator.
 */
import { describe, expect, it } from 'vitest';
import { readEmails, readRecordRef, readText } from '../../../src/core/attio/values.js';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import { useE2E } from '../../support/e2e.js';
import { actionsCore, destinationAt } from '../../support/segment.js';

const fixture = useE2E();
const settings = () => ({ apiKey: EMULATOR_API_KEY });
const event = (fields: object) =>
  actionsCore.createTestEvent({ messageId: `m-${Math.random()}`, timestamp: '2024-11-04T10:00:00.000Z', ...fields });

async function only(object: string) {
  const records = await fixture().reader.queryRecords(object);
  expect(records).toHaveLength(1);
  return records[0]!;
}

describe('parity with Segment’s Attio destination', () => {
  it('identifyUser: the person with extra person attributes, the user linked to them with extra user attributes', async () => {
    await actionsCore.createTestIntegration(destinationAt(fixture().emulator.url)).testAction('identifyUser', {
      event: event({
        type: 'identify',
        userId: 'u-1',
        traits: { email: 'ada@acme.io', name: 'Ada Lovelace', linkedin: 'in/ada' },
      }),
      settings: settings(),
      mapping: {
        person_attributes: { linkedin: { '@path': '$.traits.linkedin' } },
        user_attributes: { primary_email_address: { '@path': '$.traits.email' } },
      },
      useDefaultMappings: true,
    });
    const person = await only('people');
    const user = await only('users');
    expect([readEmails(person), readText(person, 'linkedin')]).toEqual([['ada@acme.io'], 'in/ada']);
    expect([readText(user, 'user_id'), readRecordRef(user, 'person')]).toEqual(['u-1', person.id.record_id]);
  });

  it('groupWorkspace: the company by domain, the workspace linked to it with extra workspace attributes', async () => {
    await actionsCore.createTestIntegration(destinationAt(fixture().emulator.url)).testAction('groupWorkspace', {
      event: event({
        type: 'group',
        userId: null,
        groupId: 'ws-9',
        traits: { name: 'Globex', website: 'https://globex.io/' },
      }),
      settings: settings(),
      mapping: {
        workspace_attributes: { name: 'Globex workspace' },
        company_attributes: { description: 'From Segment' },
      },
      useDefaultMappings: true,
    });
    const company = await only('companies');
    const workspace = await only('workspaces');
    expect([readText(company, 'name'), readText(company, 'description')]).toEqual(['Globex', 'From Segment']);
    expect([
      readText(workspace, 'workspace_id'),
      readText(workspace, 'name'),
      readRecordRef(workspace, 'company'),
    ]).toEqual(['ws-9', 'Globex workspace', company.id.record_id]);
  });

  it('assertRecord: any object on a unique attribute, twice the same record', async () => {
    for (const title of ['Engineer', 'CTO']) {
      await actionsCore.createTestIntegration(destinationAt(fixture().emulator.url)).testAction('assertRecord', {
        event: event({ type: 'identify', traits: { email: 'grace@navy.mil', title } }),
        settings: settings(),
        mapping: {
          object: 'people',
          matching_attribute: 'email_addresses',
          attributes: { email_addresses: { '@path': '$.traits.email' }, job_title: { '@path': '$.traits.title' } },
        },
      });
    }
    const person = await only('people');
    expect([readEmails(person), readText(person, 'job_title')]).toEqual([['grace@navy.mil'], 'CTO']);
  });

  it('assertRecord: a matching attribute that is not unique is a configuration error listing the unique ones', async () => {
    const run = actionsCore.createTestIntegration(destinationAt(fixture().emulator.url)).testAction('assertRecord', {
      event: event({ type: 'identify', traits: { email: 'grace@navy.mil' } }),
      settings: settings(),
      mapping: { object: 'people', matching_attribute: 'job_title', attributes: { job_title: 'CTO' } },
    });
    await expect(run).rejects.toMatchObject({
      name: 'IntegrationError',
      code: 'INVALID_CONFIGURATION',
      message: 'matchingAttribute: "job_title" is not a unique attribute of people; unique attributes: email_addresses',
    });
  });
});
