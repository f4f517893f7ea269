// One household: its members, its survey of each year, and each year's classification with the
// reason — income per person against the standard's lines, and which deprivations it has. The
// latest year's reasons are shown in full; the earlier years share a compact table whose rows open
// their reasons on demand, so eleven surveyed years do not bury the page.
import { useState } from 'preact/hooks';
import * as api from '../api';
import { Status } from '../components/Status';
import { useApp } from '../context';
import { formatDate, formatNumber, formatVnd, standardName, type Lang } from '../format';
import { translateOr, type Key } from '../i18n';
import { useApi } from '../use-api';

type Member = {
  full_name?: string;
  name?: string;
  sex?: string;
  birth_date?: string;
  relation?: string;
  ethnicity?: string;
  id_number?: string;
};

type Line = { name: string; amount: number; at_or_under?: boolean };

type Deprivation =
  | string
  | {
      id?: string;
      name?: string;
      name_vi?: string;
      name_en?: string;
      explain_vi?: string;
      explain_en?: string;
      members?: { name?: string; age?: number }[];
    };

type Explanation = {
  text_vi?: string;
  text_en?: string;
  area?: string;
  income_per_capita?: number;
  lines?: Line[];
  deprivations?: Deprivation[];
  deprivation_count?: number;
  deprivations_defined?: number;
  standard?: string;
};

type Classification = {
  year?: number;
  /** "stored" (a review's, by `ansinh classify`), "computed" (by the rules when asked), "analytics" (older servers: no explanation). */
  source?: string;
  standard?: string;
  category: string;
  income_per_capita?: number | null;
  deprivation_count?: number | null;
  outcome?: string | null;
  explanation?: Explanation | null;
};

type YearClassification = Classification & { year: number };

/** The words and language a piece of the page is drawn in (as useApp gives them). */
type Words = { t: (key: Key, params?: Record<string, string | number>) => string; lang: Lang };

type Survey = { year: number; income_month?: number; classifications?: Classification[]; [field: string]: unknown };

export type HouseholdDetail = {
  code?: string;
  household_id?: string;
  head_name?: string;
  address?: string;
  hamlet?: string;
  commune?: api.UnitRef;
  commune_code?: string;
  district?: api.UnitRef;
  members: Member[];
  surveys: Survey[];
  classifications?: Classification[];
};

/** Each year's classifications, newest year first: inside each survey (docs/api.md) or beside. */
export function classificationsOf(d: HouseholdDetail): YearClassification[] {
  const out: YearClassification[] = [];
  for (const s of d.surveys ?? []) for (const c of s.classifications ?? []) out.push({ ...c, year: c.year ?? s.year });
  for (const c of d.classifications ?? []) if (c.year !== undefined) out.push({ ...c, year: c.year });
  return out.sort((a, b) => b.year - a.year);
}

/** The head's name: given, or the member whose relation is head. */
export function headName(d: HouseholdDetail): string | undefined {
  if (d.head_name) return d.head_name;
  const head = (d.members ?? []).find((m) => m.relation === 'head');
  return head?.full_name ?? head?.name;
}

/** The survey fields shown, in this order, with their words. */
const SURVEY_FIELDS: [string, { vi: string; en: string }][] = [
  ['income_month', { vi: 'Thu nhập hộ/tháng', en: 'Household income a month' }],
  ['housing_quality', { vi: 'Chất lượng nhà ở', en: 'Housing quality' }],
  ['housing_area_m2', { vi: 'Diện tích nhà (m²)', en: 'Housing area (m²)' }],
  ['clean_water', { vi: 'Nước sạch', en: 'Clean water' }],
  ['hygienic_latrine', { vi: 'Hố xí hợp vệ sinh', en: 'Hygienic latrine' }],
  ['telecom', { vi: 'Dịch vụ viễn thông', en: 'Telecommunications' }],
  ['info_assets', { vi: 'Tài sản tiếp cận thông tin', en: 'Information assets' }],
];

const RELATIONS: Record<string, { vi: string; en: string }> = {
  head: { vi: 'Chủ hộ', en: 'Head' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Cha/mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  sibling: { vi: 'Anh/chị/em', en: 'Sibling' },
  other: { vi: 'Khác', en: 'Other' },
};

const HOUSING: Record<string, { vi: string; en: string }> = {
  permanent: { vi: 'Kiên cố', en: 'Permanent' },
  semi_permanent: { vi: 'Bán kiên cố', en: 'Semi-permanent' },
  temporary: { vi: 'Nhà tạm', en: 'Temporary' },
  none: { vi: 'Không có nhà', en: 'None' },
};

function surveyCell(field: string, v: unknown, lang: Lang, yes: string, no: string): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (field === 'income_month' && typeof v === 'number') return formatVnd(v, lang);
  if (field === 'housing_quality' && typeof v === 'string') return HOUSING[v]?.[lang] ?? v;
  if (typeof v === 'number') return formatNumber(v, lang, Number.isInteger(v) ? 0 : 1);
  return String(v);
}

function deprivationName(d: Deprivation, lang: Lang): string {
  if (typeof d === 'string') return d;
  return (lang === 'vi' ? d.name_vi : d.name_en) ?? d.name ?? d.id ?? '';
}

/** What the rule found: its explanation and the members behind it ("Lan, 7"). */
function deprivationDetail(d: Deprivation, lang: Lang): string {
  if (typeof d === 'string') return '';
  const why = (lang === 'vi' ? d.explain_vi : d.explain_en) ?? '';
  const who = (d.members ?? [])
    .map((m) => (m.age !== undefined ? `${m.name ?? ''}, ${m.age}` : (m.name ?? '')))
    .filter(Boolean)
    .join('; ');
  return [why, who ? `(${who})` : ''].filter(Boolean).join(' ');
}

/** A survey's household income a month over its members that year; null without either. */
export function incomePerPerson(s: Survey | undefined): number | null {
  if (!s || typeof s.income_month !== 'number') return null;
  const members = Array.isArray(s.members) ? s.members.length : 0;
  return members > 0 ? Math.round(s.income_month / members) : null;
}

/** Whether the classification carries the rules' reasons (stored or computed; not an older server's analytics). */
export function hasExplanation(c: Classification): boolean {
  return c.explanation !== null && c.explanation !== undefined && typeof c.explanation === 'object';
}

/**
 * The latest classified year's classifications that carry their reasons, shown in full as cards,
 * and all the others (earlier years, and any without reasons) for the compact table; both newest first.
 */
export function splitClassifications(classes: YearClassification[]): {
  latest: YearClassification[];
  earlier: YearClassification[];
} {
  if (classes.length === 0) return { latest: [], earlier: [] };
  const newest = Math.max(...classes.map((c) => c.year));
  const latest = classes.filter((c) => c.year === newest && hasExplanation(c));
  const earlier = classes.filter((c) => !latest.includes(c));
  return { latest, earlier };
}

/** The rules' one-line reason in the language, if the explanation has one. */
export function reasonText(c: Classification, lang: Lang): string | undefined {
  const e = c.explanation;
  if (!e) return undefined;
  return (lang === 'vi' ? e.text_vi : e.text_en) ?? e.text_vi ?? e.text_en;
}

/** Where a classification with reasons comes from, as a phrase key: the stored review, or the rules now. */
export function sourceKey(c: Classification): Key | null {
  if (c.source === 'computed') return 'hd.src.computed';
  if (c.source === 'stored') return 'hd.src.stored';
  return null;
}

/** Whether the standard measures deprivations at all (an income-only standard such as 2011–2015 does not). */
function measuresDeprivations(c: Classification): boolean {
  return c.explanation?.deprivations_defined !== 0;
}

/** Deprivations found, over those the standard defines when known ("2/6"); "—" when unknown or not measured. */
export function deprivationCount(c: Classification): string {
  const n = c.deprivation_count ?? c.explanation?.deprivation_count;
  if (n === null || n === undefined || !measuresDeprivations(c)) return '—';
  const of = c.explanation?.deprivations_defined;
  return of ? `${n}/${of}` : String(n);
}

/** A classification's reasons: the standard and area, the rule's text, income against the lines, deprivations. */
export function WhyBody({ c, t, lang }: { c: Classification } & Words) {
  const e = c.explanation ?? {};
  const text = reasonText(c, lang);
  const lines = e.lines ?? [];
  const line = (name: string) => lines.find((l) => l.name === name)?.amount;
  const income = c.income_per_capita ?? e.income_per_capita ?? null;
  const deps = e.deprivations ?? [];
  const source = sourceKey(c);
  return (
    <>
      <p class="muted">
        {t('hd.standard')}: {standardName(c.standard ?? e.standard, lang)}
        {e.area ? ` · ${t('hd.area')}: ${translateOr(lang, `area.${e.area}`, e.area)}` : ''}
      </p>
      {text ? (
        <p data-testid="why-text">
          <strong>{t('hd.why')}:</strong> {text}
        </p>
      ) : null}
      {income !== null && lines.length ? (
        <p data-testid="income-vs-line">
          {t('hd.incomeVsLine', {
            income: formatVnd(income, lang),
            poor: formatVnd(line('poor') ?? null, lang),
            near: formatVnd(line('near_poor') ?? null, lang),
          })}
        </p>
      ) : null}
      {deps.length ? (
        <>
          <p>
            <strong>{t('hd.deprivations')}:</strong>
          </p>
          <ul class="deps">
            {deps.map((x) => (
              <li>
                <strong>{deprivationName(x, lang)}</strong> {deprivationDetail(x, lang)}
              </li>
            ))}
          </ul>
        </>
      ) : measuresDeprivations(c) ? (
        <p>
          <strong>{t('hd.deprivations')}:</strong> {t('hd.noDeprivation')}
        </p>
      ) : null}
      {source ? (
        <p class="source muted" data-testid="classification-source" data-source={c.source}>
          {t(source)}
        </p>
      ) : null}
    </>
  );
}

/** The latest year's classification with its reasons, in full. */
function ExplainedCard({ c }: { c: YearClassification }) {
  const { t, lang } = useApp();
  return (
    <li class="card" data-testid="classification" data-source={c.source}>
      <h3>
        {c.year} <span class={`badge cat-${c.category}`}>{translateOr(lang, `cat.${c.category}`, c.category)}</span>
      </h3>
      <WhyBody c={c} t={t} lang={lang} />
    </li>
  );
}

const EARLIER_COLUMNS = 5;

/**
 * One earlier year in the compact table: year, standard, income per person, deprivations, category;
 * with reasons, the year is a button that opens a row under it holding them (aria-expanded).
 */
export function EarlierRow({
  c,
  id,
  income,
  open,
  onToggle,
  t,
  lang,
}: { c: YearClassification; id: string; income: number | null; open: boolean; onToggle: () => void } & Words) {
  const explained = hasExplanation(c);
  const standard = standardName(c.standard ?? c.explanation?.standard, lang);
  return (
    <>
      <tr class={open ? 'open' : undefined} data-testid="classification-row" data-year={c.year}>
        <th scope="row">
          {explained ? (
            <button
              type="button"
              class="disclose"
              aria-expanded={open ? 'true' : 'false'}
              aria-controls={id}
              onClick={onToggle}
              data-testid="why-toggle"
            >
              <span class="chevron" aria-hidden="true">
                ▸
              </span>
              <span class="year">{c.year}</span>
              <span class="sr-only"> — {t('hd.showWhy')}</span>
            </button>
          ) : (
            c.year
          )}
          <span class="phone-only muted">{standard}</span>
        </th>
        <td class="col-standard">{standard}</td>
        <td class="num">{formatVnd(income, lang)}</td>
        <td class="num">{deprivationCount(c)}</td>
        <td>
          <span class={`badge cat-${c.category}`}>{translateOr(lang, `cat.${c.category}`, c.category)}</span>
        </td>
      </tr>
      {explained ? (
        <tr class="reasons" id={id} hidden={!open} data-testid="why-row">
          <td colSpan={EARLIER_COLUMNS}>
            <WhyBody c={c} t={t} lang={lang} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The earlier years (and any year without reasons) in one compact table, newest first. */
function EarlierTable({ rows, surveyOf }: { rows: YearClassification[]; surveyOf: Map<number, Survey> }) {
  const { t, lang } = useApp();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const anyReasons = rows.some(hasExplanation);
  const anyWithout = rows.some((c) => !hasExplanation(c));
  return (
    <>
      {anyReasons ? <p class="muted">{t('hd.earlierHint')}</p> : null}
      <div class="table-wrap narrow">
        <table class="data earlier" data-testid="classifications-plain">
          <thead>
            <tr>
              <th scope="col">{t('common.year')}</th>
              <th scope="col" class="col-standard">
                {t('hd.standard')}
              </th>
              <th scope="col" class="num">
                {t('hd.incomePc')}
              </th>
              <th scope="col" class="num">
                {t('hd.deprivations')}
              </th>
              <th scope="col">{t('hd.category')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => {
              const key = `${c.year}-${c.standard ?? ''}-${i}`;
              return (
                <EarlierRow
                  key={key}
                  c={c}
                  id={`why-${key}`}
                  income={c.income_per_capita ?? c.explanation?.income_per_capita ?? incomePerPerson(surveyOf.get(c.year))}
                  open={open.has(key)}
                  onToggle={() => toggle(key)}
                  t={t}
                  lang={lang}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {anyWithout ? <p class="muted">{t('hd.noExplanation')}</p> : null}
    </>
  );
}

export function HouseholdPage({ code }: { code: string }) {
  const detail = useApi(`hh:${code}`, () => api.get<HouseholdDetail>(`/households/${encodeURIComponent(code)}`));
  return (
    <section class="page household">
      <Status value={detail}>{(d) => <HouseholdBody d={d} code={code} />}</Status>
    </section>
  );
}

function HouseholdBody({ d, code }: { d: HouseholdDetail; code: string }) {
  const { t, lang } = useApp();
  const yes = t('bool.yes');
  const no = t('bool.no');
  const surveys = [...(d.surveys ?? [])].sort((a, b) => b.year - a.year);
  const classes = classificationsOf(d);
  // The latest year's reasons in full; every earlier year in one compact table, its reasons on demand.
  const { latest, earlier } = splitClassifications(classes);
  const surveyOf = new Map((d.surveys ?? []).map((s) => [s.year, s]));
  const head = headName(d);
  const place = [d.address, d.hamlet && !d.address?.includes(d.hamlet) ? d.hamlet : null, d.commune?.name, d.district?.name]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <div class="page-head">
        <h1>
          {t('hd.title', { code: d.code ?? d.household_id ?? code })}
          {head ? ` — ${head}` : ''}
        </h1>
      </div>
      {place ? (
        <p>
          <strong>{t('hd.address')}:</strong> {place}
        </p>
      ) : null}

      <section aria-labelledby="class-title">
        <h2 id="class-title">{t('hd.classification')}</h2>
        {classes.length === 0 ? (
          <p class="state">{t('state.empty')}</p>
        ) : (
          <>
            {latest.length ? (
              <ul class="why" data-testid="classifications">
                {latest.map((c) => (
                  <ExplainedCard c={c} />
                ))}
              </ul>
            ) : null}
            {earlier.length ? (
              <>
                {latest.length ? <h3 class="earlier-title">{t('hd.earlier')}</h3> : null}
                <EarlierTable rows={earlier} surveyOf={surveyOf} />
              </>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('hd.members')}</h2>
        <div class="table-wrap">
          <table class="data" data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t('hd.name')}</th>
                <th scope="col">{t('hd.relation')}</th>
                <th scope="col">{t('hd.sex')}</th>
                <th scope="col">{t('hd.birth')}</th>
                <th scope="col">{t('hd.ethnicity')}</th>
                <th scope="col">{t('hd.idNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {(d.members ?? []).map((m) => (
                <tr>
                  <th scope="row" class="name">
                    {m.full_name ?? m.name}
                  </th>
                  <td>{m.relation ? (RELATIONS[m.relation]?.[lang] ?? m.relation) : '—'}</td>
                  <td>{m.sex ? translateOr(lang, `sex.${m.sex}`, m.sex) : '—'}</td>
                  <td>{formatDate(m.birth_date)}</td>
                  <td>{m.ethnicity ?? '—'}</td>
                  <td>{m.id_number ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="surveys-title">
        <h2 id="surveys-title">{t('hd.surveys')}</h2>
        {surveys.length === 0 ? (
          <p class="state">{t('state.empty')}</p>
        ) : (
          <div class="table-wrap">
            <table class="data" data-testid="surveys">
              <thead>
                <tr>
                  <th scope="col">{t('common.year')}</th>
                  {SURVEY_FIELDS.map(([, w]) => (
                    <th scope="col">{w[lang]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {surveys.map((s) => (
                  <tr>
                    <th scope="row">{s.year}</th>
                    {SURVEY_FIELDS.map(([f]) => (
                      <td class={typeof s[f] === 'number' ? 'num' : ''}>{surveyCell(f, s[f], lang, yes, no)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
