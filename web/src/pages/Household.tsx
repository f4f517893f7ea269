// One household: its members, its survey of each year, and each year's classification with the
// reason — income per person against the standard's lines, and which deprivations it has.
import * as api from '../api';
import { Status } from '../components/Status';
import { useApp } from '../context';
import { formatDate, formatNumber, formatVnd, standardName, type Lang } from '../format';
import { translateOr } from '../i18n';
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
  standard?: string;
};

type Classification = {
  year?: number;
  source?: string;
  standard?: string;
  category: string;
  income_per_capita?: number | null;
  explanation?: Explanation | null;
};

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
export function classificationsOf(d: HouseholdDetail): (Classification & { year: number })[] {
  const out: (Classification & { year: number })[] = [];
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

/** One year's classification with its reasons: the rule's text, income against the lines, deprivations. */
function ExplainedCard({ c }: { c: Classification & { year: number } }) {
  const { t, lang } = useApp();
  const e = c.explanation ?? {};
  const text = lang === 'vi' ? e.text_vi : e.text_en;
  const lines = e.lines ?? [];
  const line = (name: string) => lines.find((l) => l.name === name)?.amount;
  const income = c.income_per_capita ?? e.income_per_capita ?? null;
  const deps = e.deprivations ?? [];
  return (
    <li class="card" data-testid="classification">
      <h3>
        {c.year} <span class={`badge cat-${c.category}`}>{translateOr(lang, `cat.${c.category}`, c.category)}</span>
      </h3>
      <p class="muted">
        {t('hd.standard')}: {standardName(c.standard ?? e.standard, lang)}
        {e.area ? ` · ${t('hd.area')}: ${translateOr(lang, `area.${e.area}`, e.area)}` : ''}
      </p>
      {text ? (
        <p>
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
      ) : (
        <p>
          <strong>{t('hd.deprivations')}:</strong> {t('hd.noDeprivation')}
        </p>
      )}
    </li>
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
  // A year with its reasons gets a card; the years the analytics computed without them share one
  // compact table, so eleven such years do not bury the page under the same sentence.
  const explained = classes.filter((c) => c.explanation !== null && c.explanation !== undefined);
  const plain = classes.filter((c) => c.explanation === null || c.explanation === undefined);
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
            {explained.length ? (
              <ul class="why" data-testid="classifications">
                {explained.map((c) => (
                  <ExplainedCard c={c} />
                ))}
              </ul>
            ) : null}
            {plain.length ? (
              <>
                <div class="table-wrap narrow">
                  <table class="data" data-testid="classifications-plain">
                    <thead>
                      <tr>
                        <th scope="col">{t('common.year')}</th>
                        <th scope="col">{t('hd.standard')}</th>
                        <th scope="col" class="num">
                          {t('hd.incomePc')}
                        </th>
                        <th scope="col">{t('hd.category')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {plain.map((c) => (
                        <tr>
                          <th scope="row">{c.year}</th>
                          <td>{standardName(c.standard, lang)}</td>
                          <td class="num">{formatVnd(c.income_per_capita ?? incomePerPerson(surveyOf.get(c.year)), lang)}</td>
                          <td>
                            <span class={`badge cat-${c.category}`}>{translateOr(lang, `cat.${c.category}`, c.category)}</span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p class="muted">{t('hd.noExplanation')}</p>
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
