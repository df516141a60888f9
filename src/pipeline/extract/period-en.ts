/**
 * The English of a period phrase (截至2019年底 → "as of the end of 2019"), by rule; null where no
 * rule knows the phrase (a note can give it). Used for metrics.json's `periodEn`.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const FIVE_YEAR_PLANS: Record<string, string> = {
  十二五: '12th Five-Year Plan (2011–2015)',
  十三五: '13th Five-Year Plan (2016–2020)',
  十四五: '14th Five-Year Plan (2021–2025)',
};

function count(s: string): string {
  const n = /^\d+$/.test(s) ? Number(s) : CN_NUM[s];
  return n !== undefined && WORDS[n] ? WORDS[n]! : s;
}

/** 2019年底 → the end of 2019; 2020年6月 → June 2020; 2020年6月底 → the end of June 2020; 2016年 → 2016. */
function date(s: string): string | null {
  const m = s.match(/^(\d{4})年(?:(\d{1,2})月)?(底|末)?$/);
  if (!m) return null;
  const base = m[2] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : m[1]!;
  return m[3] ? `the end of ${base}` : base;
}

export function periodEnglish(phrase: string | null): string | null {
  if (!phrase) return null;
  const p = phrase.replace(/[“”"]/g, '');
  let m: RegExpMatchArray | null;
  if ((m = p.match(/^(.+)至(.+)$/)) && date(m[1]!) && date(m[2]!)) return `from ${date(m[1]!)} to ${date(m[2]!)}`;
  if ((m = p.match(/^(?:截至|截止到?)(.+)$/))) return m[1] === '目前' ? 'to date' : date(m[1]!) ? `as of ${date(m[1]!)}` : null;
  if ((m = p.match(/^(?:到|至)(.+)$/)) && date(m[1]!)) return `by ${date(m[1]!)}`;
  if ((m = p.match(/^(预计)?从(\d{4})年(?:起|开始)$/))) return `${m[1] ? 'expected ' : ''}from ${m[2]}`;
  if ((m = p.match(/^(.+?)(?:以来|起)$/)) && date(m[1]!)) return `since ${date(m[1]!)}`;
  if (/^脱贫攻坚战?役?打响(以来|之后|后)$/.test(p)) return 'since the campaign against poverty began';
  if ((m = p.match(/^近?(\S+?)年(?:来|以来)$/)) && m[1] !== '近') return `over the past ${count(m[1]!)} years`;
  if ((m = p.match(/^过去的?(\S+?)年里?$/))) return `over the past ${count(m[1]!)} years`;
  if (p === '近年来') return 'in recent years';
  if (p === '今年以来') return 'since the start of this year';
  if ((m = p.match(/^(十[一二三四五六七八九]五)(?:期间|以来)$/)) && FIVE_YEAR_PLANS[m[1]!]) return `during the ${FIVE_YEAR_PLANS[m[1]!]}`;
  if ((m = p.match(/^连续(\S+)年$/))) return `${count(m[1]!)} years running`;
  if (p === '目前') return 'to date';
  if ((m = p.match(/^今年(\d{1,2})月(底|末)?$/))) return `${m[2] ? 'the end of ' : ''}${MONTHS[Number(m[1]) - 1]} this year`;
  if (p === '去年底') return 'the end of last year';
  return date(p);
}
