import type { LocalizationTree } from '../localization.js';

/**
 * Arabic: the package's own strings (`oauthElements.*`), and the few keys Clerk's `arSA` lacks
 * (the legal-consent labels, the reverification step, a disconnected account). Merge it over Clerk's `arSA`.
 */
export const arSA = {
  // Clerk's keys (`unstable__errors`) its ar-SA locale has no translation for.
  unstable__errors: {
    oauth_access_denied: "لم تمنح حق الوصول إلى حسابك.",
    // Clerk's arSA has this one in English.
    form_param_format_invalid__phone_number: 'يجب أن يكون رقم الهاتف بتنسيق دولي صالح.',
    form_code_incorrect: 'الرمز غير صحيح.',
  },
  signUp: {
    legalConsent: {
      checkbox: {
        label__termsOfServiceAndPrivacyPolicy:
          'أوافق على {{ termsOfServiceLink || link("شروط الخدمة") }} و{{ privacyPolicyLink || link("سياسة الخصوصية") }}',
        label__onlyTermsOfService: 'أوافق على {{ termsOfServiceLink || link("شروط الخدمة") }}',
        label__onlyPrivacyPolicy: 'أوافق على {{ privacyPolicyLink || link("سياسة الخصوصية") }}',
      },
    },
  },
  userProfile: { start: { connectedAccountsSection: { subtitle__disconnected: 'تم قطع الاتصال بهذا الحساب.' } } },
  reverification: {
    password: { title: 'التحقق مطلوب', subtitle: 'أدخل كلمة المرور الحالية للمتابعة' },
    emailCode: { title: 'التحقق مطلوب', subtitle: 'أدخل رمز التحقق المرسل إلى بريدك الإلكتروني للمتابعة', formTitle: 'رمز التحقق' },
    phoneCode: { title: 'التحقق مطلوب', subtitle: 'أدخل رمز التحقق المرسل إلى هاتفك للمتابعة', formTitle: 'رمز التحقق' },
  },
  oauthElements: {
    loading: 'جارٍ تحميل خيارات تسجيل الدخول…',
    retry: 'حاول مرة أخرى',
    backToSignIn: 'العودة إلى تسجيل الدخول',
    redirecting: 'جارٍ إعادة التوجيه…',
    verifying: 'جارٍ التحقق من تسجيل دخولك…',
    ssoCallback: {
      errorTitle: 'تعذّر علينا إكمال تسجيل دخولك.',
      unexpectedError: 'حدث خطأ أثناء إكمال تسجيل دخولك. تحقّق من اتصالك وحاول مرة أخرى.',
    },
    noProviders: 'لا يوجد موفّر تسجيل دخول اجتماعي مفعّل لهذا التطبيق.',
    continueSignUp: {
      loading: 'جارٍ تحميل تسجيلك…',
      noSignUp: 'لا يوجد تسجيل لمتابعته هنا. جارٍ نقلك إلى تسجيل الدخول…',
      abandoned: 'انتهت صلاحية هذا التسجيل. يُرجى البدء من جديد.',
      required: '{{field}} مطلوب.',
      legalRequired: 'وافق على الشروط للمتابعة.',
      usernameLength: 'يجب أن يتراوح طول اسم المستخدم بين {{min}} و{{max}} حرفًا.',
      usernameHint: 'من {{min}} إلى {{max}} حرفًا.',
      phoneHint: 'أدخل رمز الدولة، مثل +966 50 123 4567.',
      codeSent: 'أرسلنا رمزًا إلى {{identifier}}.',
      codeResent: 'تم إرسال رمز جديد إلى {{identifier}}.',
      changeEmailAddress: 'استخدام بريد إلكتروني آخر',
      changePhoneNumber: 'استخدام رقم هاتف آخر',
      emailAddressOrPhoneNumber: 'البريد الإلكتروني أو رقم الهاتف',
      nothingToCollect: 'يطلب Clerk معلومات لا يستطيع هذا النموذج جمعها. يُرجى البدء من جديد.',
      complete: 'اكتمل تسجيلك. جارٍ نقلك…',
    },
    connectedAccounts: {
      loading: 'جارٍ تحميل حساباتك المرتبطة…',
      noAccounts: 'لا توجد حسابات مرتبطة بعد.',
      missingScopes: 'يحتاج إلى الوصول إلى: {{scopes}}',
      nowAuthorized: 'أصبح لدى {{provider}} الآن وصول إلى: {{scopes}}',
      stillMissing: 'لا يزال {{provider}} يفتقر إلى الوصول إلى: {{scopes}}',
      redirecting: 'جارٍ نقلك إلى {{provider}}…',
      removing: 'جارٍ إزالة {{provider}}…',
      cancel: 'إلغاء',
      reverificationCancelled: 'لم يتغيّر شيء: أُلغي التأكيد.',
      connectOnly: 'للربط فقط',
    },
    errors: {
      timeout: "لم يستجب Clerk في الوقت المحدد. تحقق من اتصالك وحاول مرة أخرى.",
      network_error: "انقطع الاتصال. يُرجى المحاولة مرة أخرى.",
      strategy_for_user_invalid: "طريقة تسجيل الدخول هذه غير مفعّلة لهذا التطبيق.",
      external_account_exists: "هذا الحساب موجود بالفعل. يُرجى تسجيل الدخول.",
      external_account_not_found: "لم يُعثر على حساب مرتبط بهذا الموفّر.",
      internal_clerk_error: "حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.",
      too_many_requests: "محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.",
      rate_limit_exceeded: "محاولات كثيرة جدًا. انتظر قليلًا ثم حاول مرة أخرى.",
      user_locked: "حسابك مقفل. حاول مرة أخرى لاحقًا.",
      external_account_missing_refresh_token: "انتهت صلاحية الاتصال بهذا الحساب. أعد الاتصال لمواصلة استخدامه.",
      script_load_failed: 'تعذّر تحميل Clerk. تحقّق من اتصالك وحاول مرة أخرى.',
      clerk_load_failed: 'تعذّر تشغيل Clerk. يُرجى المحاولة مرة أخرى.',
      clerk_unavailable: 'تعذّر الوصول إلى خوادم Clerk، لذا لا يمكن تسجيل الدخول الآن.',
      unexpected_error: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
      client_not_ready: 'لا يوجد لدى Clerk عميل بعد. أعد تحميل الصفحة وحاول مرة أخرى.',
      strategy_not_enabled: 'تسجيل الدخول عبر هذا الموفّر غير متاح لهذا التطبيق.',
      oauth_missing_verification_url: 'لم يحدّد Clerk أين تتم المتابعة لدى الموفّر. يُرجى المحاولة مرة أخرى.',
      reverification_unsupported:
        'لا يمكن تأكيد هذا الحساب إلا بطريقة لا توفّرها هذه الصفحة (مثل مفتاح المرور أو عامل ثانٍ). أكّده من إعدادات حسابك.',
      invalid_publishable_key: 'مفتاح Clerk العام غير صالح. إعداد هذه الصفحة غير صحيح.',
      clerk_not_found: 'Clerk غير موجود في هذه الصفحة. إعداد هذه الصفحة غير صحيح.',
      invalid_additional_scopes: 'الأذونات الإضافية المطلوبة مكتوبة بشكل غير صحيح. إعداد هذه الصفحة غير صحيح.',
      invalid_redirect_url: 'عنوان إعادة التوجيه غير صالح.',
      redirect_origin_not_allowed: 'يؤدي عنوان إعادة التوجيه إلى موقع آخر، وهذا غير مسموح في هذه الصفحة.',
    },
  },
} satisfies LocalizationTree;
export default arSA;
