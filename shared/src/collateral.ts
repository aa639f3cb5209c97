// What a financing need's 抵押物 field says: whether collateral is offered at all. The field is
// free text (厂房设备抵押, 应收账款质押 …) and people write "no collateral" in many ways (无, 暂无,
// none, "-"), so every reader — the matching engine, the client — asks this one parser.

/** Texts that mean no collateral is offered, compared after normalising (see `normalise`). */
const NONE_WORDS: ReadonlySet<string> = new Set([
  '',
  '无',
  '没有',
  '暂无',
  '无抵押',
  '无抵押物',
  '没有抵押物',
  '暂无抵押物',
  '无抵押担保',
  '不提供',
  '不提供抵押',
  '不提供抵押物',
  'none',
  'no',
  'n/a',
  'na',
  'nil',
  '-',
  '--',
  '/',
  '—',
  '——',
]);

/** Width-folded (full-width － and ／ become - and /), lower-case, trimmed, without closing full stops. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[。.]+$/u, '')
    .trim();
}

/** Whether the 抵押物 text offers collateral: absent, blank and "none" words do not; anything else does. */
export function collateralOffered(text: string | null | undefined): boolean {
  return !NONE_WORDS.has(normalise(text ?? ''));
}
