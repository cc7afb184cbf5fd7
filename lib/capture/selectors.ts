/**
 * Every selector the capture code matches against Partner Center's DOM, in one place: when
 * Microsoft changes the page, this file and labels.ts are where to look first. They rely on
 * roles and standard elements, never on the portal's class names or element names, because its
 * custom elements carry ARIA roles themselves. (Plain HTML semantics checked by tag name, such as
 * a label's `for` or a dt/dd pair, stay beside the code that reads them.)
 */

/** Checkboxes, radios and switches, native or ARIA. */
export const CHOICE_SELECTOR = 'input[type="checkbox"], input[type="radio"], [role="checkbox"], [role="radio"], [role="switch"]';
export const RADIO_SELECTOR = 'input[type="radio"], [role="radio"]';
export const SELECT_SELECTOR = 'select, [role="combobox"], [role="listbox"]';
export const OPTION_SELECTOR = '[role="option"]';
export const NUMBER_SELECTOR = 'input[type="number"], input[inputmode="numeric"], [role="spinbutton"]';
/** Controls that hold a value to read (not buttons, not choices). */
export const VALUE_CONTROL_SELECTOR = `input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="reset"]):not([type="hidden"]), textarea, ${SELECT_SELECTOR}, [role="spinbutton"]`;
export const CONTROL_SELECTOR = `input, textarea, button, ${SELECT_SELECTOR}, ${CHOICE_SELECTOR}, [role="spinbutton"]`;
/** Native fields, whose label is never their own text. */
export const NATIVE_FIELD_SELECTOR = 'input, select, textarea';
export const TEXT_ENTRY_SELECTOR = 'input, textarea';
/** Fields whose value names an office or a location: selects and plain text inputs. */
export const NAMED_FIELD_SELECTOR = `${SELECT_SELECTOR}, input:not([type]), input[type="text"]`;
/** Fields that may hold the offer URL. */
export const URL_FIELD_SELECTOR = 'input:not([type="checkbox"]):not([type="radio"]):not([type="number"]), textarea';
/** Attributes that may hold the offer URL, best first (an href is normalised by the browser). */
export const URL_ATTRIBUTES = ['value', 'data-clipboard-text', 'href'];
/** Elements with one of those attributes naming the partner id, which every offer URL carries. */
export const URL_ATTRIBUTE_SELECTOR = URL_ATTRIBUTES.map((name) => `[${name}*="msppid" i]`).join(', ');

/** Headings a wizard's title or its result page's title sits in. */
export const WIZARD_HEADING_SELECTOR = 'h1, h2, h3, [role="heading"]';
const ANY_HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** Elements that label one field of a form or of a summary. */
export const FIELD_LABEL_SELECTOR = 'label, legend, th, dt, [role="columnheader"]';
/** A sibling holding one of these carries its own label: it is the next field, not this label's value. */
export const FIELD_START_SELECTOR = `${FIELD_LABEL_SELECTOR}, ${ANY_HEADING}`;
/** Elements whose text names what follows them. */
export const LABEL_LIKE_SELECTOR = `${FIELD_START_SELECTOR}, caption`;
/** Where a summary's list of subscriptions ends: a heading or a form label. */
export const SUMMARY_HEADING_SELECTOR = `${ANY_HEADING}, label, legend`;
export const GROUP_SELECTOR = '[role="group"], [role="radiogroup"]';
/** Buttons and links say what they do ("Copy summary ID"), they never label a value. */
export const NOT_A_LABEL_SELECTOR = `${CONTROL_SELECTOR}, a, [role="button"], [role="link"], [role="option"]`;
/** Navigation, menus and controls name pages and actions, never the offer's subscriptions. */
export const NOT_SUMMARY_SELECTOR = 'nav, [role="navigation"], [role="menu"], [role="tablist"], a, button, [role="button"], [role="link"]';

export const ROW_SELECTOR = 'tr, [role="row"]';
export const CELL_SELECTOR = 'th, td, [role="columnheader"], [role="rowheader"], [role="cell"], [role="gridcell"]';
export const HEADER_CELL_SELECTOR = 'th, [role="columnheader"]';
/** A checkbox in a table's header selects every row: it is no subscription. */
export const TABLE_HEADER_SELECTOR = 'thead, [role="columnheader"]';
export const TABLE_SELECTOR = 'table, [role="table"], [role="grid"]';
/** One subscription each: everything inside belongs to the same entry. */
export const ENTRY_SELECTOR = 'li, [role="listitem"], tr, [role="row"]';
export const DEFINITION_SELECTOR = 'dt, dd';
export const STRUCTURE_SELECTOR = `${ENTRY_SELECTOR}, ${DEFINITION_SELECTOR}, ${TABLE_SELECTOR}`;
/** Labels whose peers (the next terms or rows) are the other fields of the same summary. */
export const PEER_LABEL_SELECTOR = 'dt, th, [role="rowheader"]';
