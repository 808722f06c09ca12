/**
 * Each field type's component, by type: a new field type adds its component here, beside its schema
 * and display value in src/domain/forms/fields. The map is complete by its type: a type without a
 * component does not compile.
 */
import type { FieldDef } from '../../../domain/forms/definition.ts';
import TextField from './TextField.astro';
import TextareaField from './TextareaField.astro';
import PersonnummerField from './PersonnummerField.astro';
import PhoneField from './PhoneField.astro';
import EmailField from './EmailField.astro';
import DateField from './DateField.astro';
import NumberField from './NumberField.astro';
import MonthField from './MonthField.astro';
import ChoicesField from './ChoicesField.astro';
import SelectField from './SelectField.astro';
import YesNoField from './YesNoField.astro';
import AddressField from './AddressField.astro';
import FileField from './FileField.astro';
import RepeatField from './RepeatField.astro';

export const FIELD_COMPONENTS = {
  text: TextField,
  textarea: TextareaField,
  personnummer: PersonnummerField,
  phone: PhoneField,
  email: EmailField,
  date: DateField,
  month: MonthField,
  number: NumberField,
  radios: ChoicesField,
  checkboxes: ChoicesField,
  select: SelectField,
  yesNo: YesNoField,
  address: AddressField,
  file: FileField,
  repeat: RepeatField,
} satisfies Record<FieldDef['type'], unknown>;
