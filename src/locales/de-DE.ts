import type { LocalizationTree } from '../localization.js';

/** German: the package's own strings (`oauthElements.*`). Merge it over Clerk's `deDE`. */
export const deDE = {
  // Clerk's key; its de-DE locale lacks the translation.
  unstable__errors: { oauth_access_denied: "Sie haben den Zugriff auf Ihr Konto nicht gewährt." },
  oauthElements: {
    loading: 'Anmeldeoptionen werden geladen…',
    retry: 'Erneut versuchen',
    backToSignIn: 'Zurück zur Anmeldung',
    redirecting: 'Weiterleitung…',
    verifying: 'Ihre Anmeldung wird überprüft…',
    ssoCallback: {
      errorTitle: 'Wir konnten Ihre Anmeldung nicht abschließen.',
      unexpectedError: 'Beim Abschließen Ihrer Anmeldung ist ein Fehler aufgetreten. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    },
    noProviders: 'Für diese Anwendung ist kein Social-Login-Anbieter aktiviert.',
    continueSignUp: {
      loading: 'Ihre Registrierung wird geladen…',
      noSignUp: 'Hier gibt es keine Registrierung fortzusetzen. Sie werden zur Anmeldung weitergeleitet…',
      abandoned: 'Diese Registrierung ist abgelaufen. Bitte beginnen Sie erneut.',
      required: '{{field}} ist erforderlich.',
      legalRequired: 'Bitte akzeptieren Sie die Bedingungen, um fortzufahren.',
      usernameLength: 'Ihr Benutzername muss zwischen {{min}} und {{max}} Zeichen lang sein.',
      usernameHint: '{{min}} bis {{max}} Zeichen.',
      phoneHint: 'Mit Ländervorwahl, zum Beispiel +49 30 1234567.',
      codeSent: 'Wir haben einen Code an {{identifier}} gesendet.',
      codeResent: 'Ein neuer Code wurde an {{identifier}} gesendet.',
      changeEmailAddress: 'Andere E-Mail-Adresse verwenden',
      changePhoneNumber: 'Andere Telefonnummer verwenden',
      emailAddressOrPhoneNumber: 'E-Mail-Adresse oder Telefonnummer',
      nothingToCollect: 'Clerk verlangt eine Angabe, die dieses Formular nicht erfassen kann. Bitte beginnen Sie erneut.',
      complete: 'Sie sind registriert. Sie werden weitergeleitet…',
    },
    connectedAccounts: {
      loading: 'Ihre verbundenen Konten werden geladen…',
      noAccounts: 'Noch keine Konten verbunden.',
      missingScopes: 'Benötigt Zugriff auf: {{scopes}}',
      nowAuthorized: '{{provider}} hat jetzt Zugriff auf: {{scopes}}',
      stillMissing: '{{provider}} fehlt weiterhin der Zugriff auf: {{scopes}}',
      redirecting: 'Weiterleitung zu {{provider}}…',
      removing: '{{provider}} wird entfernt…',
      cancel: 'Abbrechen',
      reverificationCancelled: 'Nichts wurde geändert: Die Bestätigung wurde abgebrochen.',
      connectOnly: 'Nur verbinden',
    },
    errors: {
      user_locked: "Ihr Konto ist gesperrt. Bitte versuchen Sie es später erneut.",
      external_account_missing_refresh_token: "Die Verbindung zu diesem Konto ist abgelaufen. Verbinden Sie es erneut, um es weiter zu nutzen.",
      script_load_failed: 'Clerk konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      clerk_load_failed: 'Clerk konnte nicht starten. Bitte versuchen Sie es erneut.',
      clerk_unavailable: 'Die Server von Clerk sind nicht erreichbar, daher ist eine Anmeldung gerade nicht möglich.',
      unexpected_error: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
      client_not_ready: 'Clerk hat noch keinen Client. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
      strategy_not_enabled: 'Die Anmeldung mit diesem Anbieter ist für diese Anwendung nicht verfügbar.',
      oauth_missing_verification_url: 'Clerk hat nicht angegeben, wo es beim Anbieter weitergeht. Bitte versuchen Sie es erneut.',
      reverification_unsupported:
        'Dieses Konto kann nur mit einer Methode bestätigt werden, die diese Seite nicht anbietet (zum Beispiel ein Passkey oder ein zweiter Faktor). Bestätigen Sie es in Ihren Kontoeinstellungen.',
      invalid_publishable_key: 'Der öffentliche Schlüssel von Clerk ist ungültig. Diese Seite ist falsch eingerichtet.',
      clerk_not_found: 'Clerk ist auf dieser Seite nicht vorhanden. Diese Seite ist falsch eingerichtet.',
      invalid_additional_scopes: 'Die zusätzlich angeforderten Berechtigungen sind falsch angegeben. Diese Seite ist falsch eingerichtet.',
      invalid_redirect_url: 'Die Weiterleitungsadresse ist ungültig.',
      redirect_origin_not_allowed: 'Die Weiterleitungsadresse führt zu einer anderen Website, was diese Seite nicht erlaubt.',
    },
  },
} satisfies LocalizationTree;
export default deDE;
