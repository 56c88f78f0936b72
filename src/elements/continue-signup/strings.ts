import type { LocalizationTree } from '../../localization.js';

/** `<continue-signup>`'s English (Clerk's keys where Clerk has one). */
export const CONTINUE_SIGNUP_ENGLISH = {
  formFieldLabel__firstName: 'First name',
  formFieldLabel__lastName: 'Last name',
  formFieldLabel__username: 'Username',
  formFieldLabel__emailAddress: 'Email address',
  formFieldLabel__phoneNumber: 'Phone number',
  signUp: {
    continue: {
      title: 'Fill in missing fields',
      subtitle: 'Please fill in the remaining details to continue.',
      actionText: 'Already have an account?',
      actionLink: 'Sign in',
    },
    legalConsent: {
      checkbox: {
        label__termsOfServiceAndPrivacyPolicy:
          'I agree to the {{ termsOfServiceLink || link("Terms of Service") }} and {{ privacyPolicyLink || link("Privacy Policy") }}',
        label__onlyTermsOfService: 'I agree to the {{ termsOfServiceLink || link("Terms of Service") }}',
        label__onlyPrivacyPolicy: 'I agree to the {{ privacyPolicyLink || link("Privacy Policy") }}',
      },
    },
    emailCode: {
      title: 'Verify your email',
      formTitle: 'Verification code',
      formSubtitle: 'Enter the verification code sent to your email address',
      resendButton: "Didn't receive a code? Resend",
    },
    phoneCode: {
      title: 'Verify your phone',
      formTitle: 'Verification code',
      formSubtitle: 'Enter the verification code sent to your phone number',
      resendButton: "Didn't receive a code? Resend",
    },
  },
  oauthElements: {
    continueSignUp: {
      loading: 'Loading your sign-up…',
      noSignUp: 'There is no sign-up to continue here. Taking you to sign in…',
      abandoned: 'This sign-up has expired. Please start again.',
      legalRequired: 'Accept the terms to continue.',
      usernameLength: 'Your username must be between {{min}} and {{max}} characters long.',
      usernameHint: '{{min}} to {{max}} characters.',
      phoneHint: 'Include the country code, for example +1 555 010 0100.',
      codeSent: 'We sent a code to {{identifier}}.',
      codeResent: 'A new code was sent to {{identifier}}.',
      changeEmailAddress: 'Use a different email address',
      changePhoneNumber: 'Use a different phone number',
      /** Clerk dropped its combined key (`formFieldLabel__emailAddress_phoneNumber`); this one is ours. */
      emailAddressOrPhoneNumber: 'Email address or phone number',
      nothingToCollect: 'Clerk needs something this form cannot collect. Please start again.',
      complete: 'You are signed up. Taking you on…',
    },
  },
} satisfies LocalizationTree;
