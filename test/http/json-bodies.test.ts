import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

/** A body with no Content-Type at all, as Python's requests.post(data=json.dumps(...)) sends it (a string body would get text/plain). */
const bare = (text: string) => new TextEncoder().encode(text);

describe('bodies that say what to do (issue 20)', () => {
  it('refuses a JSON body sent without a content type, naming the header', async () => {
    const h = harness();
    const res = await h.app.request('/app/api/login', { method: 'POST', body: bare('{"userId":"AB1234","password":"x"}') });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(res.status).toBe(415);
    expect((await res.json()).statusMessage).toBe('The body is JSON but was sent without a Content-Type header: send the header Content-Type: application/json.');
  });

  it('refuses a JSON body sent as a form (curl -d without -H), naming the header', async () => {
    const h = harness();
    const res = await h.request('POST', '/otp/generateOtp', { raw: '{"uid":"AB1234"}', contentType: 'application/x-www-form-urlencoded' });
    expect(res).toMatchObject({ status: 415, body: { statusMessage: expect.stringMatching(/sent as application\/x-www-form-urlencoded: send the header Content-Type: application\/json/) } });
  });

  it('names the line and column of malformed JSON, without quoting the body', async () => {
    const h = harness();
    const raw = '{\n  "userId": "AB1234"\n  "password": "hunter2"\n}';
    const res = await h.request('POST', '/app/api/login', { raw, contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.statusMessage).toBe("Malformed JSON in request body: line 3, column 3: expected ',' or '}' after a property value.");
    const text = await h.request('POST', '/app/api/login', { raw: '{"userId": \'AB1234\'}', contentType: 'application/json' });
    expect(text.body.statusMessage).toMatch(/^Malformed JSON in request body: line 1, column 12: expected a value \(a string in double quotes/);
  });

  it('still authenticates first: no session, no word about the body', async () => {
    const h = harness();
    expect((await h.request('POST', '/order/placeOrder', { raw: '{', contentType: 'application/json' })).status).toBe(401);
  });

  it('lets a form operation take its form, and a JSON operation its JSON', async () => {
    const h = harness();
    expect((await h.request('POST', '/app/api/login', { body: { userId: 'AB1234', password: 'x' } })).status).toBe(401);
  });
});
