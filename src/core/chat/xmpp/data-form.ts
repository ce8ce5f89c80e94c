// XEP-0004 data forms, for the pre-chat form a customer submits and the context an agent is offered.
import { $build, type Builder } from 'strophe.js';
import type { ChatContextField } from '../chat-channel.ts';
import { attr, childElement, childElements } from './dom-read.ts';
import { NS_DATA } from './namespaces.ts';

/** Builds `<x xmlns="jabber:x:data" type=...>` with a hidden FORM_TYPE and one text field per entry. */
export function buildDataForm(
  type: 'submit' | 'result',
  formType: string,
  fields: readonly ChatContextField[],
): Builder {
  const form = $build('x', { xmlns: NS_DATA, type });
  form.c('field', { var: 'FORM_TYPE', type: 'hidden' }).c('value').t(formType).up().up();
  for (const field of fields) {
    const attrs: Record<string, string> = { var: field.name };
    if (field.label) attrs['label'] = field.label;
    form.c('field', attrs).c('value').t(field.value).up().up();
  }
  return form;
}

/** Reads the fields of a data form (not FORM_TYPE); multi-value fields are joined with newlines. */
export function readDataForm(form: Element): { formType: string | null; fields: ChatContextField[] } {
  let formType: string | null = null;
  const fields: ChatContextField[] = [];
  for (const field of childElements(form, 'field')) {
    const name = attr(field, 'var');
    if (!name) continue;
    const value = childElements(field, 'value')
      .map((v) => v.textContent ?? '')
      .join('\n');
    if (name === 'FORM_TYPE') {
      formType = value;
      continue;
    }
    fields.push({ name, label: attr(field, 'label') ?? name, value });
  }
  return { formType, fields };
}

/** The data form directly inside `parent`, read; empty when there is none. */
export function readChildForm(parent: Element): ChatContextField[] {
  const form = childElement(parent, 'x', NS_DATA);
  return form ? readDataForm(form).fields : [];
}
