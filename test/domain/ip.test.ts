import { describe, expect, it } from 'vitest';
import { classifyIp } from '../../mock/domain/ip.js';

describe('IPv4 classification', () => {
  it.each([
    '49.36.10.20',
    '8.8.8.8',
    '1.1.1.1',
    '103.21.244.1',
    '223.255.255.254',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.1.1',
    '198.17.255.255',
    '198.20.0.0',
    '11.0.0.1',
  ])('%s is public', (ip) => expect(classifyIp(ip)).toEqual({ public: true }));

  it.each([
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.10', /private/],
    ['127.0.0.1', /loopback/],
    ['169.254.1.1', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.255', /multicast/],
    ['240.0.0.1', /reserved/],
    ['255.255.255.255', /broadcast|reserved/],
    ['0.0.0.0', /this network/],
    ['192.0.2.10', /documentation/],
    ['198.51.100.7', /documentation/],
    ['203.0.113.10', /documentation/],
    ['198.18.0.1', /benchmarking/],
    ['192.0.0.8', /IETF/],
    ['192.88.99.1', /6to4/],
    ['2001:db8::1', /IPv6/],
    ['::ffff:8.8.8.8', /IPv6/],
    ['256.1.1.1', /not a valid IPv4/],
    ['01.2.3.4', /not a valid IPv4/],
    ['1.2.3', /not a valid IPv4/],
    ['1.2.3.4.5', /not a valid IPv4/],
    [' 8.8.8.8', /not a valid IPv4/],
    ['8.8.8.8/32', /not a valid IPv4/],
    ['example.com', /not a valid IPv4/],
  ])('%s is refused', (ip, reason) => {
    const result = classifyIp(ip);
    expect(result.public).toBe(false);
    if (!result.public) expect(result.reason).toMatch(reason);
  });
});
