/** 9876543210 -> 98XXXXXX10, as the dashboard shows where an OTP went. */
export function maskMobile(mobile: string): string {
  if (mobile.length <= 4) return 'X'.repeat(mobile.length);
  return `${mobile.slice(0, 2)}${'X'.repeat(mobile.length - 4)}${mobile.slice(-2)}`;
}

/** ravi.kumar@example.com -> ra********@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '****';
  const local = email.slice(0, at);
  return `${local.slice(0, 2)}${'*'.repeat(Math.max(2, local.length - 2))}${email.slice(at)}`;
}

/** `Mahesh Index` -> `MXXXXh IXXXx`: each word's first and last letter kept, as the personal index names its owner. */
export function maskWords(text: string): string {
  return text
    .split(' ')
    .map((w) => (w.length <= 2 ? w : `${w[0]}${'X'.repeat(w.length - 2)}${w.at(-1)}`))
    .join(' ');
}
