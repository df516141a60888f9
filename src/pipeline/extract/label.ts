/**
 * A zh label drafted from a figure's clause, for the editor: what is measured, of whom, with its
 * basis, and no more than the clause says. It is read by rules of newspaper syntax, not by a list
 * of page ①'s measures (the word lists the rules need are in lexicon.ts):
 *
 * - measure + number: the words before the number, less the date, the place that is the clause's
 *   subject (全市, 临县: the figure's region says it) and the verb that joins them (达到, 为, 增长到):
 *   全市农村居民人均可支配收入增长到9537元 → 农村居民人均可支配收入;
 * - 由X降至Y: the measure is printed before 由, for both numbers;
 * - a share: X占N% → X占比, X占全省的N% → X占全省比重 (a figure inside X is part of it:
 *   集体经济收入10万元以上的贫困村占到41% → 集体经济收入10万元以上的贫困村占比);
 * - a counted noun after the number keeps its predicate as a modifier (10个贫困县区全部摘帽 →
 *   摘帽的贫困县区; 17个乡镇和2个安置点开设“爱心超市” → 开设“爱心超市”的安置点) and the verb before the
 *   number unless it only makes the thing (建立了1301个合作社 → 合作社; 覆盖1129个贫困村 → 覆盖的贫困村);
 * - a measure word with no noun names its count (累计脱贫7.97万户20.53万人 → 累计脱贫户数, 累计脱贫人数);
 * - a clause with no subject of its own takes the head of the clause before it: 其中 (其中贫困人口
 *   23519人 → 累计培训人数中的贫困人口; 其中交城县12个 → the previous measure), a bare change (比2015年底
 *   增长了43.7% → …增幅), a comparison (超全国12个百分点 → …高于全国), a measure noun alone (总规模),
 *   a share of nothing named (占全省的1/7), a verb whose actor was counted before (…电站，覆盖…).
 */
import { COUNTIES } from '../../geo/divisions.ts';
import type { Unit } from '../../schema/metrics.ts';
import { COUNT_NOUNS, CREATION_VERBS, MEASURE_NOUNS } from './lexicon.ts';
import { NOUN_LIST, nounBeside, type NounBeside } from './noun.ts';
import { parseFigure } from './parse-figure.ts';
import { CHANGE, periodPhrases } from './period.ts';
import { TOKEN } from './tokens.ts';

export interface LabelInput {
  /** The figure's clause, as quoted. */
  clause: string;
  raw: string;
  period: string | null;
  noun: NounBeside | null;
  unit: Unit | null;
  /** 'from' / 'to' in 由X降至Y. */
  changeRole: 'from' | 'to' | null;
  /** The sentence before the clause: where a clause with no subject of its own finds one. */
  sentenceBefore: string;
}

/** Verbs and particles that join a measure to its number (贫困发生率为, 累计投入资金达). */
const LABEL_TRIM = /(?:全部|全面|共|有|了|为|是|达|达到|累计|实现|约|已|可|高于|超|由|的)+$/;
/** A change verb at the end of the measure (X增长到N, X下降为N). */
const CHANGE_END = /(?:降至|降为|下降到|下降为|降到|提高到|提高至|提升到|提升至|增加到|增长到|增至|升至|上升到)$/;
/** Adverbs a label can do without, at its start (也是, 共结算, 已形成) or inside a predicate (全部退出). */
const LEADING = /^(?:也|还|共|已经|已|均|都|是|在|完成(?=.{2}))+/;
const PREDICATE_ADVERBS = /全部|全面/g;
const PREDICATE_LEADING = /^(?:已经|已|均|都|可)+/;
/** The clause's subject when it is a place: the figure's region already says it. */
const PLACE = new RegExp(
  `^(?:在|对)?(?:全市|全县|全区|全省|全国|本市|本县|我市|我县|该市|该县|吕梁市|吕梁(?!山)|${COUNTIES.flatMap((c) => (c.short ? [c.zh, c.short] : [c.zh])).join('|')})`,
);
/** A bare change: the measure is the previous clause's (比2015年底增长了43.7%). */
const GROWTH = /^(.*?)(年均|同比|平均)?(增长|增加|提高|提升|上升|下降|减少|降低)$/;
/** The base of a comparison, before the change verb (比上年增长 → 增长). */
const BASE = /^(?:比|较).*?(?=(?:年均|同比|平均)?(?:增长|增加|提高|提升|上升|下降|减少|降低)了?$)/;
const MEASURE_ALONE = new RegExp(`^(?:总|年|累计)?(?:${MEASURE_NOUNS.join('|')})$`);
const MEASURE_END = new RegExp(`(?:${MEASURE_NOUNS.join('|')})$`);
/** A total scoped by its whole (全县造林总收益): 全… is not a subject here. */
const SCOPED_TOTAL = new RegExp(`^全[市县区].*总(?:${MEASURE_NOUNS.join('|')})`);
/** A verb that only makes the thing, at the start of a measure (建成集中安置点 → 集中安置点); not 有 (有效…). */
const MADE = new RegExp(`^(?:累计)?(?:${CREATION_VERBS.filter((v) => v.length > 1).join('|')})(?=.{2})`);
/** The words that already name a rate or share. */
const RATE_END = /(?:率|比|比例|比重|占比|增幅|降幅|幅度)$/;
const MADE_OBJECT = new RegExp(`(?:${CREATION_VERBS.filter((v) => v.length > 1).join('|')})了([^了]{2,12})$`);
const COUNTED_UNITS = new Set<Unit | null>(['count', 'people', 'households']);

export function draftLabel(f: LabelInput): string {
  return tidyLabel(labelOf(f));
}

/** No dangling 的/和 or half a pair of quotes at either end. */
function tidyLabel(label: string): string {
  let out = label.replace(/[的和与及、]+$/, '');
  const open = (out.match(/“/g) ?? []).length;
  const close = (out.match(/”/g) ?? []).length;
  if (open > close) out = out.replace(/“(?!.*“)/, '');
  if (close > open) out = out.replace(/”/, '');
  return out.replace(/[的和与及、]+$/, '') || label;
}

function withoutPeriods(text: string): string {
  let out = text;
  // A base (比2015年) goes with its 比: 收入比2015年提高了 → 收入提高了.
  for (const p of periodPhrases(text)) {
    const at = out.indexOf(p.text);
    const from = p.kind === 'base' && /[比较]/.test(out[at - 1] ?? '') ? at - 1 : at;
    out = out.slice(0, from) + out.slice(at + p.text.length);
  }
  return out;
}

/** A label-sized phrase: no quotes or 和 at the start, no place subject, no joining verb at the end. */
function clean(text: string): string {
  let out = text.replace(/^[”"，和及与的]+/, '').replace(/^其中/, '');
  if (/^“/.test(out) && !out.includes('”')) out = out.slice(1);
  if (!SCOPED_TOTAL.test(out)) out = out.replace(PLACE, '');
  out = out.replace(LEADING, '').replace(BASE, '').replace(/^比/, '');
  const changed = out.replace(CHANGE_END, '');
  if (changed.length >= 2) out = changed;
  return out.replace(LABEL_TRIM, '').trim();
}

/** The words between figures: a figure is a separator unless a 的 makes it a modifier (10万元以上的贫困村). */
function listItems(text: string): string[] {
  return text.replace(TOKEN, (m: string, at: number, all: string) => (all[at + m.length] === '的' ? m : '、')).split(/、[和及与]?/);
}

/** The figures printed in a text, with their place (period phrases are not figures). */
function figuresIn(text: string): Array<{ raw: string; at: number; unit: Unit | null }> {
  const dated = periodPhrases(text);
  return [...text.matchAll(TOKEN)]
    .filter((m) => /\d/.test(m[0]) && !dated.some((p) => p.start <= m.index && m.index < p.end))
    .map((m) => ({ raw: m[0], at: m.index, unit: unitOfRaw(m[0]) }));
}

function unitOfRaw(raw: string): Unit | null {
  try {
    return parseFigure(raw.replace(/^约/, '')).unit;
  } catch {
    return null;
  }
}

interface Head {
  /** The previous figure's label (累计培训人数). */
  label: string;
  /** The thing it is of, without the verb that made it (累计建成光伏扶贫电站 → 光伏扶贫电站). */
  thing: string;
  /** It counts things named by a noun (462座…电站): the actor of a following verb with no subject. */
  counts: boolean;
}

/** The head of the clause before this one in the sentence: the label of its figure of the same unit, else of its last. */
function headBefore(sentenceBefore: string, unit: Unit | null, want: 'unit' | 'counted'): Head | null {
  const clause =
    sentenceBefore
      .replace(/[，；：,;]+$/, '')
      .split(/[，；：,;]/)
      .at(-1) ?? '';
  const figures = figuresIn(clause);
  const pick =
    want === 'counted'
      ? figures.filter((x) => x.unit === 'count' && nounBeside(clause, x.at, x.at + x.raw.length)).at(-1)
      : (figures.filter((x) => x.unit === unit).at(-1) ?? figures.at(-1));
  if (!pick) return null;
  const noun = nounBeside(clause, pick.at, pick.at + pick.raw.length);
  const label = tidyLabel(
    labelOf({
      clause,
      raw: pick.raw,
      period: null,
      noun,
      unit: pick.unit,
      changeRole: CHANGE.test(clause) ? 'to' : null,
      sentenceBefore: '',
    }),
  );
  if (!label || label === pick.raw) return null;
  return { label, thing: label.replace(MADE, ''), counts: pick.unit === 'count' && noun !== null };
}

/** A clause with no figure hands on what it made (探索形成了产业扶贫风险补偿贷款，惠及…). */
function objectBefore(sentenceBefore: string): Head | null {
  const clause =
    sentenceBefore
      .replace(/[，；：,;]+$/, '')
      .split(/[，；：,;]/)
      .at(-1) ?? '';
  const made = figuresIn(clause).length ? null : clause.match(MADE_OBJECT);
  return made ? { label: made[1]!, thing: made[1]!, counts: true } : null;
}

function labelOf(f: LabelInput): string {
  const at = f.clause.indexOf(f.raw);
  const before = withoutPeriods(f.clause.slice(0, at));
  const after = f.clause.slice(at + f.raw.length);
  const head = (want: 'unit' | 'counted' = 'unit') => headBefore(f.sentenceBefore, f.unit, want);

  // 由X降至Y: the measure stands before 由, for X as for Y.
  const change = f.changeRole ? f.clause.match(CHANGE) : null;
  if (change) return clean(f.clause.slice(0, change.index)) || head()?.label || f.raw;

  const share = f.unit === 'percent' ? shareLabel(before, head) : null;
  if (share) return share;

  // 三个“100万亩”工程: a figure in quotes is part of a name.
  const quoted = before.match(/([一二三四五六七八九十两]+[个项])“$/);
  if (quoted && after.startsWith('”')) return `${quoted[1]}“${f.raw}${after}`;

  const partOf = /^[“”]?其中/.test(f.clause);
  const label = f.noun?.after ? countedLabel(f, before, after, head) : measureLabel(f, before, after, head);
  const own = label && measureWord(label, f.unit, after);
  if (!partOf) return own || (f.period ? `${f.period}${f.raw}` : f.raw);
  // 其中: a part of the previous clause's measure (其中交城县12个: the same measure, for a county).
  const whole = head()?.label;
  if (!whole) return own || f.raw;
  return own ? `${whole}中的${own}` : whole;
}

/**
 * A percentage is a rate or a share (设置20%—30%村集体股 → 村集体股比例; 通动力电实现100%全覆盖 →
 * 通动力电覆盖率); a capacity (MW) is a 规模.
 */
function measureWord(label: string, unit: Unit | null, after: string): string {
  if (unit === 'percent' && !RATE_END.test(label)) return /^全?覆盖/.test(after) ? `${label}覆盖率` : `${label}比例`;
  if (unit === 'MW' && !MEASURE_END.test(label)) return `${label}规模`;
  return label;
}

/** X占N% → X占比; X占全省的N% → X占全省比重; 占全省的1/7 (nothing named) → the previous clause's thing. */
function shareLabel(before: string, head: (want?: 'unit' | 'counted') => Head | null): string | null {
  const zhan = before.search(/占(?![比有用地据])(?!.*占)/);
  if (zhan < 0) return null;
  const partOf = /^[“”]?其中/.test(before);
  const items = listItems(before);
  const ownItem = items.at(-1) ?? '';
  // 占全省的9%、吕梁市的三分之一: the base is this item's when the list goes on after 占.
  const base = (items.length > 1 && !ownItem.includes('占') ? ownItem : before.slice(zhan + 1))
    .replace(/^[到了]/, '')
    .replace(/的$/, '')
    .trim();
  const subject = clean(before.slice(0, zhan));
  const whole = partOf || !subject ? head() : null;
  const what = subject || whole?.thing || '';
  const label = base ? `${what}占${base}比重` : `${what}占比`;
  return partOf && whole ? `${whole.label}中${label}` : label;
}

/** The noun phrase a counted noun after the number starts: with its quotes and a coordinated noun (村级电站和集中式电站). */
function nounPhrase(after: string, noun: NounBeside): { text: string; end: number } {
  const lead = after.match(/^[的]*/)![0].length;
  const s = after.slice(lead);
  const m = s.match(new RegExp(`^“?${noun.zh}”?`));
  if (!m) {
    // The clause's head noun at its end (462座总规模596MW的村级电站和集中式电站).
    const head = after.slice(after.lastIndexOf('的') + 1);
    return { text: head.endsWith(noun.zh) ? head : noun.zh, end: after.length };
  }
  let text = m[0];
  // 党员干部: a known noun that goes on into another is one compound.
  for (let next = NOUN_LIST.find((n) => s.startsWith(n, text.length)); next; next = NOUN_LIST.find((n) => s.startsWith(n, text.length)))
    text += next;
  const more = s.slice(text.length).match(/^[和及与]([^，、和及与\d]{1,10}?)(?=$|[，、])/);
  if (more && NOUN_LIST.some((n) => more[1]!.endsWith(n))) text += more[0];
  return { text, end: lead + text.length };
}

/**
 * What follows a counted noun as its predicate (全部退出 → 退出), with the other things counted by
 * the same predicate skipped (17个乡镇和2个安置点开设…); '' where a list goes on (、) or none follows.
 */
function predicateAfter(rest: string): string {
  let s = rest;
  for (;;) {
    const pair = s.match(new RegExp(`^[和及与](?:${TOKEN.source})?“?(?:${NOUN_LIST.join('|')})”?`));
    if (!pair) break;
    s = s.slice(pair[0].length);
  }
  // A list goes on (、), a modifier (的), another figure, or a coordinated thing the tables do not know.
  if (/^[、，的和及与]/.test(s) || /^\d/.test(s)) return '';
  const words = (s.split(TOKEN)[0] ?? '')
    .replace(/^之一$/, '')
    .replace(PREDICATE_ADVERBS, '')
    .replace(PREDICATE_LEADING, '');
  return words.replace(LABEL_TRIM, '');
}

/** A counted noun after the number: the noun with its predicate and the verb before it. */
function countedLabel(f: LabelInput, before: string, after: string, head: (want?: 'unit' | 'counted') => Head | null): string {
  const noun = f.noun!;
  const np = nounPhrase(after, noun);
  if (!COUNTED_UNITS.has(f.unit)) {
    // 596MW的村级电站, 10万元以上的贫困村: the number measures the noun by what precedes it.
    // 覆盖95%以上的贫困户: a percentage of the noun; 10万元以上的贫困村: an amount the noun has.
    const measure = clean(listItems(before).at(-1) ?? '');
    if (/^的/.test(after)) return f.unit === 'percent' ? `${measure}${np.text}` : `${np.text}${measure}`;
    const words = after.replace(/^[的“”]+/, '').split(/[、，]|\d/)[0] ?? '';
    return words.startsWith(noun.zh) ? words : noun.zh;
  }
  const predicate = predicateAfter(after.slice(np.end));
  const verb = verbBefore(before);
  if (predicate) return `${verb}${predicate}的${np.text}`;
  if (!verb) return np.text;
  const actor = head('counted') ?? objectBefore(f.sentenceBefore);
  return `${actor?.counts ? actor.thing : ''}${verb}的${np.text}`;
}

/** The verb phrase before a counted number, less the verbs that only make the thing and a causer (让, 使). */
function verbBefore(before: string): string {
  const phrase = before.split(TOKEN)[0] ?? '';
  if (/[让使]/.test(phrase)) return '';
  const verb = clean(phrase);
  return CREATION_VERBS.some((v) => verb.endsWith(v)) ? '' : verb;
}

/** The words before the number name the measure (贫困发生率19.2%), or the verb its measure word counts. */
function measureLabel(f: LabelInput, before: string, after: string, head: (want?: 'unit' | 'counted') => Head | null): string {
  // The words right before the number; where another figure stands right there (21.7万户58.5万人,
  // 贫困人口5836户15702人), the words before that one; after 、 with none (…、11.26万人), the clause's first.
  const items = listItems(before);
  const last = items.at(-1) ?? '';
  let item = last;
  if (clean(last).length < 2) {
    const adjacent = new RegExp(`(?:${TOKEN.source})$`).test(before);
    const back = adjacent
      ? items
          .slice(0, -1)
          .reverse()
          .find((x) => clean(x).length >= 2)
      : undefined;
    item = back ?? items[0] ?? '';
  }
  let own = clean(item).replace(MADE, '');
  // 13个县市区有贫困人口59万人: what 有 has is what the number counts.
  const had = own.match(/有([^有]{2,})$/);
  if (had && NOUN_LIST.some((n) => had[1]!.endsWith(n))) own = had[1]!;

  // 9个乡镇和3个街道办建成…: the words before 3个 are the other member's; the thing is printed after.
  if (/[和及与]$/.test(last) && clean(last).length >= 2) return clean(after.split(TOKEN)[0] ?? '');
  // X提高了62.4% → X增幅; with no X (比2015年底增长了43.7%), the previous clause's measure.
  const growth = own.match(GROWTH);
  const measure = growth && (growth[1] || head()?.label.replace(/[增降]幅$/, ''));
  if (growth && measure) {
    const rises = !/下降|减少|降低/.test(growth[3]!);
    // Points are a difference of rates (森林覆盖率提高4.2个百分点): the verb says it; a percentage is a 增幅.
    const pct = f.unit === 'percent';
    return pct ? `${measure}${growth[2] ?? ''}${rises ? '增幅' : '降幅'}` : `${measure}${growth[2] ?? ''}${growth[3]}`;
  }
  // 超全国12个百分点: a comparison with the previous clause's measure.
  const compared = own.match(/^(?:超过?|高于)(.+)$/);
  if (compared && f.unit === 'pp') {
    const h = head();
    if (h) return `${h.label}高于${compared[1]}`;
  }
  if (MEASURE_ALONE.test(own)) {
    const h = head();
    if (h) return `${h.thing}${own}`;
  }
  const predicate = COUNTED_UNITS.has(f.unit) ? predicateAfter(after) : '';
  // 累计为4万户11万余人次提供爱心服务: the service is what the households and visits are counted by.
  const served = /[为给向]$/.test(item) ? predicateAfter(after.replace(new RegExp(`^(?:${TOKEN.source})+`), '')) : '';
  // 贫困户19380人参与合作总社劳动: the noun before the number, with its predicate.
  if (predicate && f.noun && own.endsWith(f.noun.zh)) return `${predicate}的${own}`;
  const word = f.raw.replace(/^[近约]?[\d.—–~～-]+[万亿]?[余多]?[万亿]?/, '').replace(/以上$/, '');
  const count = COUNT_NOUNS[word];
  // 新建12个日间照料中心: a thing the tables do not know, printed after its count.
  const thing = f.unit === 'count' && !f.noun && !count ? clean(after.split(/[、，]/)[0]!.split(TOKEN)[0] ?? '') : '';
  if (thing.length >= 2) return thing;
  if (!count) return own;
  if (served) return `${own}${served}${count}`;
  // 贫困人口5836户: households of people are counted in 户数, not as the people.
  if (word === '户' && own && !/[户数]$/.test(own)) return `${own}${count}`;
  if (/(?:数|率|人口|人员|人次|户次)$/.test(own) || NOUN_LIST.some((n) => own.endsWith(n))) return own;
  // 其中交城县1200户: no words of its own; the previous clause's measure is the label.
  return own || predicate ? `${own || predicate}${count}` : '';
}
