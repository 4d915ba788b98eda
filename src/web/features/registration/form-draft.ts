import { emptyBusiness, emptyRegistration, type RegistrationValues } from './registration-values.js';

// The draft lives on this device only (localStorage), so a dropped connection or a reload loses nothing. It is
// removed as soon as the registration is accepted; consent is never kept — it is given again each time.

export function loadDraft(key: string): RegistrationValues | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<RegistrationValues>;
    const base = emptyRegistration();
    const businesses = Array.isArray(parsed.businesses) && parsed.businesses.length ? parsed.businesses : null;
    return {
      ...base,
      ...parsed,
      consent: false,
      businesses: businesses ? businesses.map((b) => ({ ...emptyBusiness(), ...b })) : base.businesses,
    };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, values: RegistrationValues): void {
  try {
    localStorage.setItem(key, JSON.stringify({ ...values, consent: false }));
  } catch {
    // storage full or private mode: the form still works, only without a draft
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** True when the values hold anything typed (an untouched form is not worth a "draft restored" note). */
export function hasContent(v: RegistrationValues): boolean {
  const empty = emptyRegistration();
  const strip = (x: RegistrationValues) =>
    JSON.stringify({ ...x, consent: false, businesses: x.businesses.map(({ key: _k, ...rest }) => rest) });
  return strip(v) !== strip(empty);
}
