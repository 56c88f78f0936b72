import type { LocalizationTree } from '../localization.js';

/** Japanese: the package's own strings (`oauthElements.*`). Merge it over Clerk's `jaJP`. */
export const jaJP = {
  // Clerk's key; its ja-JP locale lacks the translation.
  unstable__errors: { oauth_access_denied: "アカウントへのアクセスが許可されませんでした。" },
  oauthElements: {
    loading: 'サインイン方法を読み込んでいます…',
    retry: '再試行',
    backToSignIn: 'サインインに戻る',
    redirecting: 'リダイレクトしています…',
    verifying: 'サインインを確認しています…',
    ssoCallback: {
      errorTitle: 'サインインを完了できませんでした。',
      unexpectedError: 'サインインの完了中に問題が発生しました。接続を確認して、もう一度お試しください。',
    },
    noProviders: 'このアプリケーションではソーシャルサインインのプロバイダーが有効になっていません。',
    continueSignUp: {
      loading: 'サインアップを読み込んでいます…',
      noSignUp: '続行できるサインアップがありません。サインインに移動します…',
      abandoned: 'このサインアップは期限切れです。最初からやり直してください。',
      required: '{{field}}は必須です。',
      legalRequired: '続行するには規約に同意してください。',
      usernameLength: 'ユーザー名は{{min}}〜{{max}}文字で入力してください。',
      usernameHint: '{{min}}〜{{max}}文字。',
      phoneHint: '国番号を含めてください（例: +81 90 1234 5678）。',
      codeSent: '{{identifier}} にコードを送信しました。',
      codeResent: '{{identifier}} に新しいコードを送信しました。',
      changeEmailAddress: '別のメールアドレスを使用する',
      changePhoneNumber: '別の電話番号を使用する',
      emailAddressOrPhoneNumber: 'メールアドレスまたは電話番号',
      nothingToCollect: 'このフォームでは入力できない情報が求められています。最初からやり直してください。',
      complete: 'サインアップが完了しました。移動しています…',
    },
    connectedAccounts: {
      loading: '連携済みアカウントを読み込んでいます…',
      noAccounts: '連携済みのアカウントはまだありません。',
      missingScopes: '必要なアクセス権: {{scopes}}',
      nowAuthorized: '{{provider}} に次のアクセス権が付与されました: {{scopes}}',
      stillMissing: '{{provider}} には次のアクセス権がまだありません: {{scopes}}',
      redirecting: '{{provider}} に移動しています…',
      removing: '{{provider}} を削除しています…',
      cancel: 'キャンセル',
      reverificationCancelled: '確認がキャンセルされたため、何も変更されていません。',
      connectOnly: '連携のみ',
    },
    errors: {
      user_locked: "アカウントがロックされています。しばらくしてからもう一度お試しください。",
      external_account_missing_refresh_token: "このアカウントとの連携の有効期限が切れました。引き続き使用するには再接続してください。",
      script_load_failed: 'Clerk を読み込めませんでした。接続を確認して、もう一度お試しください。',
      clerk_load_failed: 'Clerk を起動できませんでした。もう一度お試しください。',
      clerk_unavailable: 'Clerk のサーバーに接続できないため、現在サインインできません。',
      unexpected_error: '問題が発生しました。もう一度お試しください。',
      client_not_ready: 'Clerk のクライアントがまだありません。ページを再読み込みして、もう一度お試しください。',
      strategy_not_enabled: 'このアプリケーションでは、このプロバイダーでのサインインは利用できません。',
      oauth_missing_verification_url: 'プロバイダーでの続行先が Clerk から返されませんでした。もう一度お試しください。',
      reverification_unsupported:
        'このアカウントは、このページにない方法（パスキーや二要素認証など）でのみ確認できます。アカウント設定で確認してください。',
      invalid_publishable_key: 'Clerk の公開キーが無効です。このページの設定に誤りがあります。',
      clerk_not_found: 'このページに Clerk がありません。このページの設定に誤りがあります。',
      invalid_additional_scopes: '追加で要求するアクセス権の書き方に誤りがあります。このページの設定に誤りがあります。',
      invalid_redirect_url: 'リダイレクト先の URL が無効です。',
      redirect_origin_not_allowed: 'リダイレクト先が別のサイトのため、このページでは許可されていません。',
    },
  },
} satisfies LocalizationTree;
export default jaJP;
