/**
 * The targets and historic outcomes of the socialförvaltning's verksamhetsplan 2025 (seed 001), as
 * written there, for every measure of src/domain/indicators/plan.ts. A cell the plan leaves without
 * a number keeps its wording as the note ("Nov 68" becomes 68 with the note "t.o.m. november"; "-"
 * is "ej redovisat"; "Ny indikator" stays so); no number is ever filled in. Loaded into
 * indicator_targets once; analytiker edit them from there. This is the only place these figures
 * are written: the survey results read their targets from the table too.
 */
export type SeedCell = { indicatorId: string; year: number; kind: 'target' | 'outcome'; value: string | null; note: string | null };

const NEW = 'ny indikator';
const NONE = 'ej redovisat';

/**
 * One row of the plan: the cells for 2022–2028, `outcomeYears` of them outcomes (the rest targets).
 * A number is the value; a string is a note without a number ("ny indikator", "ej redovisat");
 * [value, note] is both ("t.o.m. november").
 */
function row(indicatorId: string, outcomeYears: number, plan: (number | string | [number, string])[]): SeedCell[] {
  return plan.map((cell, i) => {
    const year = 2022 + i;
    const kind = i < outcomeYears ? ('outcome' as const) : ('target' as const);
    if (typeof cell === 'number') return { indicatorId, year, kind, value: String(cell), note: null };
    if (typeof cell === 'string') return { indicatorId, year, kind, value: null, note: cell };
    return { indicatorId, year, kind, value: String(cell[0]), note: cell[1] };
  });
}

export const SEED_TARGETS: SeedCell[] = [
  // Nämndmål 1:1 – brukarundersökningar via Kolada (utfall 2022–2024, mål 2025–2028).
  ...row('sarskilt-boende-hansyn-onskemal', 3, [82, 75, 61, 75, 80, 90, 90]),
  ...row('sarskilt-boende-sociala-aktiviteter', 3, [46, 56, 41, 56, 65, 70, 75]),
  ...row('hemtjanst-hansyn-asikter', 3, [88, 89, 83, 85, 90, 93, 95]),
  ...row('hemtjanst-paverka-tider', 3, [46, 54, 50, 55, 60, 65, 70]),
  ...row('hemtjanst-antal-personal', 3, [21, 21, 22, 15, 10, 10, 10]),
  ...row('lss-daglig-verksamhet-trivs', 3, [NEW, NEW, 88, 90, 90, 90, 90]),
  ...row('lss-daglig-verksamhet-bestamma', 3, [NEW, NEW, 58, 65, 70, 75, 80]),
  ...row('lss-gruppboende-trygg-personal', 3, [NEW, NEW, 55, 65, 75, 85, 90]),
  // Nämndmål 1:2 – genomförandeplaner (utfall 2022–2023; "2024 DÅ" is a target column).
  ...row('genomforandeplan-aktuell', 2, [67, 85, [90, 'DÅ'], 93, 93, 93, 93]),
  ...row('genomforandeplan-delaktighet', 2, [NONE, NONE, NONE, 100, 100, 100, 100]),
  // Nämndmål 1:3 – trygg hemgång.
  ...row('trygg-hemgang-verkstallda', 3, [NEW, NEW, 85, 100, 110, 120, 130]),
  ...row('trygg-hemgang-nojd', 3, [NEW, NEW, NEW, 80, 90, 90, 90]),
  ...row('trygg-hemgang-aterinlaggningar', 3, [NEW, NEW, NEW, 10, 11, 12, 13]),
  // Nämndmål 1:4 – unga med försörjningsstöd längre än 3 månader ("Utfall DÅ" 2024).
  ...row('forsorjningsstod-unga', 3, [26, 15, [7, 'DÅ'], 10, 10, 10, 10]),
  // Nämndmål 1:5 – planerade insatser med välfärdsteknik (2024 reads "Utfall" where a target would be).
  ...row('valfardsteknik-insatser', 2, [NONE, 3, 'ej angivet', 20, 30, 40, 50]),
  // Nämndmål 1:6 – förenklad biståndsbedömning ("Nov 68").
  ...row('forenklad-beslut', 3, [NONE, 28, [68, 't.o.m. november'], 80, 85, 90, 90]),
  // Nämndmål 1:7 – e-tjänster lanserade på kommunens hemsida (adressering: IFO).
  ...row('lanserade-etjanster', 2, [NONE, NONE, 7, 15, 20, 30, 40]),
  // Nämndmål 1:8 – Senior alert och BPSD.
  ...row('senior-alert-riskbedomning', 2, [NONE, NONE, 50, 75, 95, 95, 95]),
  ...row('bpsd-registrering', 2, [NONE, NONE, 50, 75, 80, 85, 90]),
];
