/**
 * What a Chromium-printed CJK PDF's text layer says for some ideographs: the font's ToUnicode
 * maps the glyph to a radical that looks the same (⽯ U+2F6F for 石, ⺠ U+2EA0 for 民). Every
 * run goes through `ideographs()` before any matching, or place names and units silently fail.
 *
 * Not NFKC on the whole string: it would also turn ① into 1 (the page number), ，into ",", and
 * ⼾ into the traditional 戶. Only the radicals and compatibility ideographs are mapped: Kangxi
 * radicals and compatibility ideographs by NFKC (their decomposition is the ideograph), the
 * radicals supplement by the table below (Unicode gives those no decomposition).
 */

/** Where a simplified-Chinese font's glyph is the ideograph, not NFKC's traditional form. */
const KANGXI_SIMPLIFIED: Record<string, string> = { '⼾': '户' };

/** CJK Radicals Supplement (U+2E80–U+2EFF) drawn for a whole ideograph: its ideograph. */
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⺝': '月',
  '⺼': '月',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/** CJK fonts draw 破折号 and the range dash (10%—20%) with one glyph that Chromium names U+2015 HORIZONTAL BAR; GB text writes U+2014. */
const DASH = { '\u2015': '\u2014' } as Record<string, string>;

const KANGXI_OR_COMPAT = /[\u2F00-\u2FDF\uF900-\uFAFF]/u;

export function ideographs(text: string): string {
  let out = '';
  for (const c of text) {
    if (KANGXI_SIMPLIFIED[c]) out += KANGXI_SIMPLIFIED[c];
    else if (SUPPLEMENT[c]) out += SUPPLEMENT[c];
    else if (DASH[c]) out += DASH[c];
    else if (KANGXI_OR_COMPAT.test(c)) out += c.normalize('NFKC');
    else out += c;
  }
  return out;
}
