import type { SignUpResource } from '@clerk/shared/types';
import type { VerifiableField } from './fields.js';

/** The first identifier Clerk still wants verified with a one-time code: email before phone, like Clerk's UI. */
export const nextUnverified = (signUp: SignUpResource): VerifiableField | undefined =>
  (['email_address', 'phone_number'] as const).find((f) => signUp.unverifiedFields.includes(f));

/** The address or number the code goes to. */
export const identifierOf = (signUp: SignUpResource, field: VerifiableField): string =>
  (field === 'email_address' ? signUp.emailAddress : signUp.phoneNumber) ?? '';

/** Sends (or sends again) the one-time code. */
export function prepareCode(signUp: SignUpResource, field: VerifiableField): Promise<SignUpResource> {
  if (field === 'email_address') return signUp.prepareEmailAddressVerification({ strategy: 'email_code' });
  return signUp.preparePhoneNumberVerification({ strategy: 'phone_code' });
}

/** Checks the code; resolves with the updated sign-up (complete, or asking for the next step). */
export function attemptCode(signUp: SignUpResource, field: VerifiableField, code: string): Promise<SignUpResource> {
  if (field === 'email_address') return signUp.attemptEmailAddressVerification({ code });
  return signUp.attemptPhoneNumberVerification({ code });
}
