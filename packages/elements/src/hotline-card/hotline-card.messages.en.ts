import type { ChannelWords, HotlineCardMessages } from './hotline-card.messages.js';

/** The hotline card's English, loaded only when a page asks for English (hotline-card.messages.ts). */
const en: HotlineCardMessages = {
  listLabel: 'Hotlines',
  emergency: 'Emergency',
  call: 'Call',
  copy: 'Copy number',
  copied: (number: string) => `Number ${number} copied`,
  copyFailed: (number: string) => `Could not copy. The number is ${number}.`,
  free: 'Free call',
  notFree: 'Call charges may apply',
  channels: 'Ways to reach it',
  channel: (channel) => (({ phone: 'Phone', sms: 'SMS', wechat: 'WeChat', web: 'Web', 'text-relay': 'Text relay' }) satisfies ChannelWords)[channel],
  listSeparator: ', ',
  colon: ': ',
  hours: (hours: string) => `Hours: ${hours}`,
  loading: 'Loading hotlines…',
  loadFailed: 'Could not load the hotlines. In an emergency call',
  notFound: 'This hotline could not be found. The women’s rights hotline is',
  empty: 'No hotlines to show.',
};

export default en;
