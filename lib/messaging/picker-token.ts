/** A picker's one-time token: a random UUID that names one opening of the offer picker. */
export const PICKER_TOKEN = /^[0-9a-f-]{36}$/;
