import got from 'got';

/** Posts to the staff channel when something needs a librarian's attention. */
const STAFF_CHANNEL_WEBHOOK = 'https://hooks.slack.com/services/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'; // $ api-guard/no-hardcoded-secrets

export async function notifyStaff(text: string): Promise<void> {
  await got.post(STAFF_CHANNEL_WEBHOOK, { json: { text }, timeout: { request: 3_000 } }); // safe: constant URL
}
