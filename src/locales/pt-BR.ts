import type { LocalizationTree } from '../localization.js';

/** Brazilian Portuguese: the package's own strings (`oauthElements.*`). Merge it over Clerk's `ptBR`. */
export const ptBR = {
  // Clerk's key; its pt-BR locale lacks the translation.
  unstable__errors: { oauth_access_denied: "Você não concedeu acesso à sua conta." },
  oauthElements: {
    loading: 'Carregando as opções de login…',
    retry: 'Tentar novamente',
    backToSignIn: 'Voltar para o login',
    redirecting: 'Redirecionando…',
    verifying: 'Verificando seu login…',
    ssoCallback: {
      errorTitle: 'Não conseguimos concluir seu login.',
      unexpectedError: 'Algo deu errado ao concluir seu login. Verifique sua conexão e tente novamente.',
    },
    noProviders: 'Nenhum provedor de login social está ativado para este aplicativo.',
    continueSignUp: {
      loading: 'Carregando seu cadastro…',
      noSignUp: 'Não há cadastro para continuar aqui. Levando você para o login…',
      abandoned: 'Este cadastro expirou. Comece novamente.',
      required: '{{field}} é obrigatório.',
      legalRequired: 'Aceite os termos para continuar.',
      usernameLength: 'Seu nome de usuário deve ter entre {{min}} e {{max}} caracteres.',
      usernameHint: 'De {{min}} a {{max}} caracteres.',
      phoneHint: 'Inclua o código do país, por exemplo +55 11 91234-5678.',
      codeSent: 'Enviamos um código para {{identifier}}.',
      codeResent: 'Um novo código foi enviado para {{identifier}}.',
      changeEmailAddress: 'Usar outro endereço de e-mail',
      changePhoneNumber: 'Usar outro número de telefone',
      emailAddressOrPhoneNumber: 'E-mail ou número de telefone',
      nothingToCollect: 'O Clerk pede algo que este formulário não consegue coletar. Comece novamente.',
      complete: 'Seu cadastro foi concluído. Levando você adiante…',
    },
    connectedAccounts: {
      loading: 'Carregando suas contas conectadas…',
      noAccounts: 'Nenhuma conta conectada ainda.',
      missingScopes: 'Precisa de acesso a: {{scopes}}',
      nowAuthorized: '{{provider}} agora tem acesso a: {{scopes}}',
      stillMissing: '{{provider}} ainda não tem acesso a: {{scopes}}',
      redirecting: 'Levando você para {{provider}}…',
      removing: 'Removendo {{provider}}…',
      cancel: 'Cancelar',
      reverificationCancelled: 'Nada foi alterado: a confirmação foi cancelada.',
      connectOnly: 'Somente conectar',
    },
    errors: {
      user_locked: "Sua conta está bloqueada. Tente novamente mais tarde.",
      external_account_missing_refresh_token: "A conexão com esta conta expirou. Reconecte-a para continuar usando.",
      script_load_failed: 'Não foi possível carregar o Clerk. Verifique sua conexão e tente novamente.',
      clerk_load_failed: 'O Clerk não conseguiu iniciar. Tente novamente.',
      clerk_unavailable: 'Os servidores do Clerk não estão acessíveis, então não é possível fazer login agora.',
      unexpected_error: 'Algo deu errado. Tente novamente.',
      client_not_ready: 'O Clerk ainda não tem um cliente. Recarregue a página e tente novamente.',
      strategy_not_enabled: 'O login com este provedor não está disponível para este aplicativo.',
      oauth_missing_verification_url: 'O Clerk não informou onde continuar com o provedor. Tente novamente.',
      reverification_unsupported:
        'Esta conta só pode ser confirmada com um método que esta página não oferece (por exemplo, uma chave de acesso ou um segundo fator). Confirme-a nas configurações da sua conta.',
      invalid_publishable_key: 'A chave pública do Clerk não é válida. Esta página está configurada incorretamente.',
      clerk_not_found: 'O Clerk não está nesta página. Esta página está configurada incorretamente.',
      invalid_additional_scopes: 'As permissões adicionais solicitadas estão escritas incorretamente. Esta página está configurada incorretamente.',
      invalid_redirect_url: 'O endereço de redirecionamento não é válido.',
      redirect_origin_not_allowed: 'O endereço de redirecionamento leva a outro site, o que esta página não permite.',
    },
  },
} satisfies LocalizationTree;
export default ptBR;
