/**
 * The targets and historic outcomes of the socialförvaltning's verksamhetsplan 2025 (seed 001), as
 * written there. A cell the plan leaves without a number keeps its wording as the note ("Nov 68"
 * becomes 68 with the note "t.o.m. november"; "-" is "ej redovisat"; "Ny indikator" stays so); no
 * number is ever filled in. Loaded into indicator_targets on first use; admins edit them from there.
 */
import { INDICATOR_IDS, SURVEY_INDICATORS } from '../surveys/indicators.ts';

export type SeedCell = { indicatorId: string; year: number; kind: 'target' | 'outcome'; value: string | null; note: string | null };

const cells = (indicatorId: string, row: [number, 'target' | 'outcome', string | null, string | null][]): SeedCell[] =>
  row.map(([year, kind, value, note]) => ({ indicatorId, year, kind, value, note }));

function surveyCells(): SeedCell[] {
  return INDICATOR_IDS.flatMap((id) => {
    const seed = SURVEY_INDICATORS[id];
    return [
      ...Object.entries(seed.outcomes).map(([year, v]) => ({ indicatorId: id, year: Number(year), kind: 'outcome' as const, value: String(v), note: null })),
      ...Object.entries(seed.targets).map(([year, v]) => ({ indicatorId: id, year: Number(year), kind: 'target' as const, value: String(v), note: null })),
    ];
  });
}

export const SEED_TARGETS: SeedCell[] = [
  // Nämndmål 1:7 – Antalet e-tjänster som lanserats på kommunens hemsida (adressering: IFO).
  ...cells('lanserade-etjanster', [
    [2022, 'outcome', null, 'ej redovisat'],
    [2023, 'outcome', null, 'ej redovisat'],
    [2024, 'target', '7', null],
    [2025, 'target', '15', null],
    [2026, 'target', '20', null],
    [2027, 'target', '30', null],
    [2028, 'target', '40', null],
  ]),
  // Nämndmål 1:6 – Antal beslut genom förenklad biståndsbedömning ska öka.
  ...cells('forenklad-beslut', [
    [2022, 'outcome', null, 'ej redovisat'],
    [2023, 'outcome', '28', null],
    [2024, 'outcome', '68', 't.o.m. november'],
    [2025, 'target', '80', null],
    [2026, 'target', '85', null],
    [2027, 'target', '90', null],
    [2028, 'target', '90', null],
  ]),
  // Nämndmål 1:1 and 1:3 – brukarundersökningar (percent): the same table the surveys use.
  ...surveyCells(),
];
