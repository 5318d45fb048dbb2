/**
 * Column names societies use for each model field, in English, French, German, Spanish and
 * Russian. Compared after normalisation (lower case, accents and punctuation dropped).
 */
import type { ModelField } from '../profile.js';

export const SYNONYMS: Readonly<Partial<Record<ModelField, readonly string[]>>> = {
  lineRef: ['line_ref', 'line ref', 'reference', 'ref', 'line id', 'référence', 'referenz', 'referencia', 'ссылка', 'номер строки'],
  societyWorkCode: ['society_work_code', 'work code', 'work id', 'work number', 'work no', 'society work code', 'code oeuvre', "code de l'oeuvre", 'werknummer', 'werk nr', 'werk-nr', 'código obra', 'codigo de obra', 'код произведения', 'номер произведения'],
  iswc: ['iswc', 'iswc code', 'code iswc', 'код iswc'],
  title: ['title', 'work title', 'titre', "titre de l'oeuvre", 'titel', 'werktitel', 'título', 'titulo', 'título de la obra', 'название', 'наименование', 'название произведения'],
  writers: ['writers', 'composers', 'authors', 'composer', 'auteurs', 'compositeurs', 'urheber', 'komponisten', 'autores', 'compositores', 'авторы', 'композиторы'],
  ipNumber: ['ip_number', 'ip number', 'ip no', 'interested party number'],
  ipiNameNumber: ['ipi_name_number', 'ipi', 'ipi name number', 'ipi number', 'cae/ipi', 'cae', 'numéro ipi', 'ipi-nummer', 'número ipi', 'номер ipi', 'ipi номер'],
  partyName: ['party_name', 'party', 'name', 'right holder', 'rightsholder', 'interested party', 'ayant droit', 'ayant-droit', 'nom', 'rechteinhaber', 'berechtigter', 'titular', 'derechohabiente', 'nombre', 'правообладатель', 'имя', 'фио'],
  role: ['role', 'capacity', 'rôle', 'qualité', 'rolle', 'funktion', 'rol', 'роль'],
  right: ['right', 'right type', 'droit', 'type de droit', 'recht', 'rechteart', 'derecho', 'tipo de derecho', 'право', 'вид права'],
  territory: ['territory', 'tis', 'territory code', 'territoire', 'gebiet', 'territorium', 'territorio', 'территория'],
  share: ['share', 'share %', 'percentage', 'part', 'quote-part', 'anteil', 'participación', 'porcentaje', 'доля', 'доля %'],
  distributionCategory: ['distribution_category', 'category', 'distribution category', 'catégorie', 'kategorie', 'sparte', 'categoría', 'категория'],
  gross: ['gross', 'gross amount', 'montant brut', 'brut', 'bruttobetrag', 'brutto', 'importe bruto', 'bruto', 'валовая сумма', 'сумма брутто'],
  amount: ['amount', 'net', 'net amount', 'royalty', 'royalties', 'montant', 'montant net', 'betrag', 'nettobetrag', 'netto', 'importe', 'monto', 'importe neto', 'сумма', 'сумма нетто', 'вознаграждение'],
  currency: ['currency', 'cur', 'devise', 'monnaie', 'währung', 'moneda', 'divisa', 'валюта'],
  usageStart: ['usage_start', 'period start', 'from', 'début', 'von', 'desde', 'начало периода'],
  usageEnd: ['usage_end', 'period end', 'to', 'fin', 'bis', 'hasta', 'конец периода'],
  adjustmentRef: ['adjustment_ref', 'adjusts', 'original reference', 'correction of'],
};

/** Lower case, accents dropped, punctuation and runs of blanks made one space. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}
