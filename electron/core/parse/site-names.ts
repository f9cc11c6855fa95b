/**
 * Publication names for the outlets Folio meets most, keyed by host and path prefix.
 * The dump format carries no outlet field, so the article URL is the best evidence.
 */

interface SiteRule {
  /** Host suffix: matches the host itself and any subdomain. */
  host: string;
  /** Optional path prefix (lower case, leading slash). */
  path?: string;
  name: string;
}

// More specific rules (with a path) come before host-only rules for the same host.
const RULES: readonly SiteRule[] = [
  { host: 'bbc.com', path: '/zhongwen', name: 'BBC中文' },
  { host: 'bbc.co.uk', path: '/zhongwen', name: 'BBC中文' },
  { host: 'bbc.com', path: '/ukchina', name: 'BBC中文' },
  { host: 'bbc.co.uk', path: '/ukchina', name: 'BBC中文' },
  { host: 'bbc.com', name: 'BBC' },
  { host: 'bbc.co.uk', name: 'BBC' },
  { host: 'cn.nytimes.com', name: '纽约时报中文网' },
  { host: 'nytimes.com', path: '/zh', name: '纽约时报中文网' },
  { host: 'nytimes.com', name: 'The New York Times' },
  { host: 'rfi.fr', path: '/cn', name: '法广' },
  { host: 'rfi.fr', path: '//cn', name: '法广' },
  { host: 'rfi.fr', name: 'RFI' },
  { host: 'dw.com', path: '/zh', name: '德国之声' },
  { host: 'dw.com', name: 'DW' },
  { host: 'voachinese.com', name: '美国之音' },
  { host: 'voacantonese.com', name: '美国之音' },
  { host: 'rfa.org', path: '/mandarin', name: '自由亚洲电台' },
  { host: 'rfa.org', path: '/cantonese', name: '自由亚洲电台' },
  { host: 'cn.reuters.com', name: '路透' },
  { host: 'reuters.com', name: '路透' },
  { host: 'ftchinese.com', name: 'FT中文网' },
  { host: 'cn.ft.com', name: 'FT中文网' },
  { host: 'zaobao.com', name: '联合早报' },
  { host: 'zaobao.com.sg', name: '联合早报' },
  { host: 'cna.com.tw', name: '中央社' },
  { host: 'theinitium.com', name: '端傳媒' },
  { host: 'cn.nikkei.com', name: '日经中文网' },
  { host: 'nikkei.com', name: '日经中文网' },
  { host: 'economist.com', name: '经济学人' },
  { host: 'chinadigitaltimes.net', name: '中国数字时代' },
  { host: 'solidot.org', name: 'Solidot' },
  { host: 'epochtimes.com', name: '大纪元' },
  { host: 'ntdtv.com', name: '新唐人' },
  { host: 'wqw2010.blogspot.com', name: '维权网' },
  { host: 'govopendata.com', path: '/xinwenlianbo', name: 'CCTV新闻联播' },
  { host: 'chinafile.com', name: 'ChinaFile' },
  { host: 'matters.news', name: 'Matters' },
  { host: 'matters.town', name: 'Matters' },
  { host: 'medium.com', name: 'Medium' },
  { host: 'youtube.com', name: 'YouTube' },
  { host: 'allnow.com', name: '燕京书评' },
  { host: 'storm.mg', name: '风传媒' },
  { host: 'thepaper.cn', name: '澎湃新闻' },
  { host: 'caixin.com', name: '财新' },
  { host: 'hk01.com', name: '香港01' },
  { host: 'rthk.hk', name: '香港电台' },
  { host: 'wsj.com', name: '华尔街日报' },
  { host: 'udn.com', name: '联合新闻网' },
  { host: 'ltn.com.tw', name: '自由时报' },
  { host: 'twreporter.org', name: '报导者' },
  { host: 'sbs.com.au', path: '/chinese', name: 'SBS中文' },
  { host: 'abc.net.au', path: '/chinese', name: 'ABC中文' },
  { host: 'ifeng.com', name: '凤凰网' },
  { host: 'xinhuanet.com', name: '新华网' },
  { host: 'people.com.cn', name: '人民网' },
];

/** Splits an absolute URL into lower-case host and path; null when it does not parse. */
export function hostAndPath(url: string): { host: string; path: string } | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { host: u.hostname.toLowerCase().replace(/^www\./, ''), path: u.pathname.toLowerCase() };
  } catch {
    return null;
  }
}

/** The publication name for an article URL, or null when the outlet is not known. */
export function siteNameFromUrl(url: string): string | null {
  const hp = hostAndPath(url);
  if (!hp) return null;
  for (const rule of RULES) {
    const hostHit = hp.host === rule.host || hp.host.endsWith(`.${rule.host}`);
    if (!hostHit) continue;
    if (rule.path === undefined || hp.path.startsWith(rule.path)) return rule.name;
  }
  return null;
}

/** Every publication name the map knows: a byline equal to one of them is not a person. */
export const KNOWN_PUBLICATIONS: ReadonlySet<string> = new Set(RULES.map((r) => r.name));
