import type { LocalizationTree } from '../localization.js';

/**
 * Simplified Chinese: the package's own strings (`oauthElements.*`), and the keys Clerk's `zhCN` lacks
 * (the legal-consent labels, the reverification step, a disconnected account). Merge it over Clerk's `zhCN`.
 */
export const zhCN = {
  // Clerk's keys (`unstable__errors`) its zh-CN locale has no translation for.
  unstable__errors: {
    oauth_access_denied: '您未授予对您账户的访问权限。',
    form_identifier_exists__email_address: '该邮箱地址已被使用。请换一个。',
    form_identifier_exists__username: '该用户名已被使用。请换一个。',
    form_code_incorrect: '验证码不正确。',
  },
  signUp: {
    legalConsent: {
      checkbox: {
        label__termsOfServiceAndPrivacyPolicy:
          '我同意{{ termsOfServiceLink || link("服务条款") }}和{{ privacyPolicyLink || link("隐私政策") }}',
        label__onlyTermsOfService: '我同意{{ termsOfServiceLink || link("服务条款") }}',
        label__onlyPrivacyPolicy: '我同意{{ privacyPolicyLink || link("隐私政策") }}',
      },
    },
  },
  userProfile: { start: { connectedAccountsSection: { subtitle__disconnected: '此账户已断开连接。' } } },
  reverification: {
    password: { title: '需要验证', subtitle: '请输入当前密码以继续' },
    emailCode: { title: '需要验证', subtitle: '请输入发送到您邮箱的验证码以继续', formTitle: '验证码' },
    phoneCode: { title: '需要验证', subtitle: '请输入发送到您手机的验证码以继续', formTitle: '验证码' },
  },
  oauthElements: {
    loading: '正在加载登录选项…',
    retry: '重试',
    backToSignIn: '返回登录',
    redirecting: '正在跳转…',
    verifying: '正在验证您的登录…',
    ssoCallback: {
      errorTitle: '我们无法完成您的登录。',
      unexpectedError: '完成登录时出现问题。请检查网络连接后重试。',
    },
    noProviders: '此应用未启用任何社交登录方式。',
    continueSignUp: {
      loading: '正在加载您的注册…',
      noSignUp: '这里没有可继续的注册。正在带您前往登录…',
      abandoned: '此注册已过期。请重新开始。',
      required: '{{field}}为必填项。',
      legalRequired: '请接受条款以继续。',
      usernameLength: '用户名长度必须在 {{min}} 到 {{max}} 个字符之间。',
      usernameHint: '{{min}} 到 {{max}} 个字符。',
      phoneHint: '请包含国家代码，例如 +86 138 0013 8000。',
      codeSent: '我们已向 {{identifier}} 发送验证码。',
      codeResent: '已向 {{identifier}} 发送新的验证码。',
      changeEmailAddress: '使用其他邮箱地址',
      changePhoneNumber: '使用其他手机号码',
      emailAddressOrPhoneNumber: '邮箱地址或手机号码',
      nothingToCollect: 'Clerk 需要的信息无法通过此表单填写。请重新开始。',
      complete: '注册成功。正在为您跳转…',
    },
    connectedAccounts: {
      loading: '正在加载您已关联的账户…',
      noAccounts: '尚未关联任何账户。',
      missingScopes: '需要以下权限：{{scopes}}',
      nowAuthorized: '{{provider}} 现已获得以下权限：{{scopes}}',
      stillMissing: '{{provider}} 仍缺少以下权限：{{scopes}}',
      redirecting: '正在前往 {{provider}}…',
      removing: '正在移除 {{provider}}…',
      cancel: '取消',
      reverificationCancelled: '未做任何更改：确认已取消。',
      connectOnly: '仅关联',
    },
    errors: {
      timeout: "Clerk 未能及时响应。请检查网络连接后重试。",
      network_error: "连接已断开。请重试。",
      strategy_for_user_invalid: "此应用未启用该登录方式。",
      external_account_exists: "此账户已存在。请登录。",
      external_account_not_found: "未找到与此服务关联的账户。",
      internal_clerk_error: "我们这边出现了问题。请重试。",
      too_many_requests: "尝试次数过多。请稍候再试。",
      rate_limit_exceeded: "尝试次数过多。请稍候再试。",
      user_locked: "您的账户已被锁定。请稍后重试。",
      external_account_missing_refresh_token: "与此账户的连接已过期。请重新连接以继续使用。",
      script_load_failed: '无法加载 Clerk。请检查网络连接后重试。',
      clerk_load_failed: 'Clerk 无法启动。请重试。',
      clerk_unavailable: '无法连接 Clerk 服务器，目前无法登录。',
      unexpected_error: '出现问题。请重试。',
      client_not_ready: 'Clerk 尚无客户端。请刷新页面后重试。',
      strategy_not_enabled: '此应用不支持使用该服务登录。',
      oauth_missing_verification_url: 'Clerk 未告知在服务提供方的后续地址。请重试。',
      reverification_unsupported: '此账户只能通过本页面不提供的方式（例如通行密钥或第二因素）确认。请在账户设置中确认。',
      invalid_publishable_key: 'Clerk 公钥无效。此页面配置有误。',
      clerk_not_found: '此页面上没有 Clerk。此页面配置有误。',
      invalid_additional_scopes: '请求的附加权限格式有误。此页面配置有误。',
      invalid_redirect_url: '跳转地址无效。',
      redirect_origin_not_allowed: '跳转地址指向其他网站，此页面不允许。',
    },
  },
} satisfies LocalizationTree;
export default zhCN;
