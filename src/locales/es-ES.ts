import type { LocalizationTree } from '../localization.js';

/** Spanish: the package's own strings (`oauthElements.*`) and the one key Clerk's `esES` lacks. Merge it over Clerk's `esES`. */
export const esES = {
  // Clerk's key; its es-ES locale lacks the translation.
  unstable__errors: { oauth_access_denied: "No has concedido acceso a tu cuenta." },
  userProfile: { start: { connectedAccountsSection: { subtitle__disconnected: 'Esta cuenta se ha desconectado.' } } },
  oauthElements: {
    loading: 'Cargando las opciones de inicio de sesión…',
    retry: 'Reintentar',
    backToSignIn: 'Volver a iniciar sesión',
    redirecting: 'Redirigiendo…',
    verifying: 'Verificando tu inicio de sesión…',
    ssoCallback: {
      errorTitle: 'No hemos podido completar tu inicio de sesión.',
      unexpectedError: 'Algo ha fallado al completar tu inicio de sesión. Comprueba tu conexión y vuelve a intentarlo.',
    },
    noProviders: 'No hay ningún proveedor de inicio de sesión social activado para esta aplicación.',
    continueSignUp: {
      loading: 'Cargando tu registro…',
      noSignUp: 'No hay ningún registro que continuar aquí. Te llevamos a iniciar sesión…',
      abandoned: 'Este registro ha caducado. Vuelve a empezar.',
      required: '{{field}} es obligatorio.',
      legalRequired: 'Acepta las condiciones para continuar.',
      usernameLength: 'Tu nombre de usuario debe tener entre {{min}} y {{max}} caracteres.',
      usernameHint: 'De {{min}} a {{max}} caracteres.',
      phoneHint: 'Incluye el prefijo del país, por ejemplo +34 612 34 56 78.',
      codeSent: 'Hemos enviado un código a {{identifier}}.',
      codeResent: 'Hemos enviado un código nuevo a {{identifier}}.',
      changeEmailAddress: 'Usar otra dirección de correo',
      changePhoneNumber: 'Usar otro número de teléfono',
      emailAddressOrPhoneNumber: 'Correo electrónico o número de teléfono',
      nothingToCollect: 'Clerk pide un dato que este formulario no puede recoger. Vuelve a empezar.',
      complete: 'Te has registrado. Te llevamos a continuación…',
    },
    connectedAccounts: {
      loading: 'Cargando tus cuentas conectadas…',
      noAccounts: 'Todavía no hay ninguna cuenta conectada.',
      missingScopes: 'Necesita acceso a: {{scopes}}',
      nowAuthorized: '{{provider}} ya tiene acceso a: {{scopes}}',
      stillMissing: '{{provider}} sigue sin tener acceso a: {{scopes}}',
      redirecting: 'Llevándote a {{provider}}…',
      removing: 'Eliminando {{provider}}…',
      cancel: 'Cancelar',
      reverificationCancelled: 'No se ha cambiado nada: se canceló la confirmación.',
      connectOnly: 'Solo conectar',
    },
    errors: {
      user_locked: "Tu cuenta está bloqueada. Vuelve a intentarlo más tarde.",
      external_account_missing_refresh_token: "La conexión con esta cuenta ha caducado. Vuelve a conectarla para seguir usándola.",
      script_load_failed: 'No se ha podido cargar Clerk. Comprueba tu conexión y vuelve a intentarlo.',
      clerk_load_failed: 'Clerk no ha podido iniciarse. Vuelve a intentarlo.',
      clerk_unavailable: 'No se puede contactar con los servidores de Clerk, así que ahora no es posible iniciar sesión.',
      unexpected_error: 'Algo ha fallado. Vuelve a intentarlo.',
      client_not_ready: 'Clerk todavía no tiene un cliente. Recarga la página y vuelve a intentarlo.',
      strategy_not_enabled: 'Iniciar sesión con este proveedor no está disponible para esta aplicación.',
      oauth_missing_verification_url: 'Clerk no indicó dónde continuar con el proveedor. Vuelve a intentarlo.',
      reverification_unsupported:
        'Esta cuenta solo se puede confirmar con un método que esta página no ofrece (por ejemplo, una llave de acceso o un segundo factor). Confírmala en la configuración de tu cuenta.',
      invalid_publishable_key: 'La clave pública de Clerk no es válida. Esta página está mal configurada.',
      clerk_not_found: 'Clerk no está en esta página. Esta página está mal configurada.',
      invalid_additional_scopes: 'Los permisos adicionales solicitados están mal escritos. Esta página está mal configurada.',
      invalid_redirect_url: 'La dirección de redirección no es válida.',
      redirect_origin_not_allowed: 'La dirección de redirección lleva a otro sitio, algo que esta página no permite.',
    },
  },
} satisfies LocalizationTree;
export default esES;
