import type { DomainContext } from './context.js';
import { maskEmail, maskMobile } from './mask.js';
import type { Account, App, OutboxDraft } from './types.js';

type Draft = Pick<OutboxDraft, 'uid' | 'kind' | 'channel' | 'to' | 'subject' | 'body'> & Partial<OutboxDraft>;

/** How many messages the outbox keeps by default, newest first. */
export const OUTBOX_RETENTION = 10_000;

/** Composes the SMS and e-mails the real service sends, into the outbox, which keeps the newest `retention`. */
export class Outbox {
  constructor(
    private readonly ctx: DomainContext,
    private readonly retention = OUTBOX_RETENTION,
  ) {}

  private send(draft: Draft) {
    const message: OutboxDraft = {
      uid: draft.uid,
      kind: draft.kind,
      channel: draft.channel,
      to: draft.to,
      subject: draft.subject,
      body: draft.body,
      otp: draft.otp ?? null,
      apiKey: draft.apiKey ?? null,
      secretApiKey: draft.secretApiKey ?? null,
      appId: draft.appId ?? null,
      appName: draft.appName ?? null,
      challengeId: draft.challengeId ?? null,
    };
    const { store } = this.ctx;
    store.appendMessage(message, this.ctx.clock.now());
    while (store.messageCount() > this.retention) store.deleteMessage(store.oldestMessage()!.id);
  }

  otp(account: Account, otp: string, purpose: string, challengeId: string, app: { id: string | null; name: string | null }) {
    const text = `${otp} is your OTP to ${purpose}. It is valid for 5 minutes. Do not share it with anyone. - SAMCO`;
    const common = { uid: account.uid, otp, challengeId, appId: app.id, appName: app.name };
    this.send({ ...common, kind: 'otp-sms', channel: 'sms', to: maskMobile(account.mobile), subject: 'OTP', body: text });
    this.send({ ...common, kind: 'otp-email', channel: 'email', to: maskEmail(account.email), subject: 'Your Samco Trade API OTP', body: `Dear ${account.name},\n\n${text}` });
  }

  apiKey(account: Account, app: App, apiKey: string) {
    this.send({
      uid: account.uid,
      kind: 'api-key-email',
      channel: 'email',
      to: maskEmail(account.email),
      subject: `API Key for ${app.name}`,
      body: `Dear ${account.name},\n\nThe API Key of your app "${app.name}" is:\n\n${apiKey}\n\nKeep it secret. - SAMCO`,
      apiKey,
      appId: app.id,
      appName: app.name,
    });
  }

  legacySecretKey(account: Account, secretApiKey: string) {
    this.send({
      uid: account.uid,
      kind: 'secret-key-email',
      channel: 'email',
      to: maskEmail(account.email),
      subject: 'Your secret API key',
      body: `Dear ${account.name},\n\nYour secret API key is:\n\n${secretApiKey}\n\nIt does not expire. Do not share it with anyone. - SAMCO`,
      secretApiKey,
    });
  }
}
