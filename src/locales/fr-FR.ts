import type { LocalizationTree } from '../localization.js';

/** French: the package's own strings (`oauthElements.*`). Merge it over Clerk's `frFR` (`mergeLocalization(frFR, ours)`). */
export const frFR = {
  // Clerk's key; its fr-FR locale lacks the translation.
  unstable__errors: { oauth_access_denied: "Vous n'avez pas autorisé l'accès à votre compte." },
  oauthElements: {
    loading: 'Chargement des options de connexion…',
    retry: 'Réessayer',
    backToSignIn: 'Retour à la connexion',
    redirecting: 'Redirection…',
    verifying: 'Vérification de votre connexion…',
    ssoCallback: {
      errorTitle: "Nous n'avons pas pu terminer votre connexion.",
      unexpectedError: 'Un problème est survenu pendant la connexion. Vérifiez votre connexion Internet et réessayez.',
    },
    noProviders: "Aucun fournisseur de connexion sociale n'est activé pour cette application.",
    continueSignUp: {
      loading: 'Chargement de votre inscription…',
      noSignUp: "Aucune inscription à poursuivre ici. Redirection vers la connexion…",
      abandoned: 'Cette inscription a expiré. Veuillez recommencer.',
      required: '{{field}} est obligatoire.',
      legalRequired: 'Acceptez les conditions pour continuer.',
      usernameLength: "Votre nom d'utilisateur doit contenir entre {{min}} et {{max}} caractères.",
      usernameHint: '{{min}} à {{max}} caractères.',
      phoneHint: "Indiquez l'indicatif du pays, par exemple +33 6 12 34 56 78.",
      codeSent: 'Nous avons envoyé un code à {{identifier}}.',
      codeResent: 'Un nouveau code a été envoyé à {{identifier}}.',
      changeEmailAddress: 'Utiliser une autre adresse e-mail',
      changePhoneNumber: 'Utiliser un autre numéro de téléphone',
      emailAddressOrPhoneNumber: 'Adresse e-mail ou numéro de téléphone',
      nothingToCollect: 'Clerk demande une information que ce formulaire ne peut pas recueillir. Veuillez recommencer.',
      complete: 'Vous êtes inscrit. Nous vous redirigeons…',
    },
    connectedAccounts: {
      loading: 'Chargement de vos comptes connectés…',
      noAccounts: "Aucun compte n'est encore connecté.",
      missingScopes: 'Accès requis : {{scopes}}',
      nowAuthorized: '{{provider}} a maintenant accès à : {{scopes}}',
      stillMissing: "{{provider}} n'a toujours pas accès à : {{scopes}}",
      redirecting: 'Redirection vers {{provider}}…',
      removing: 'Suppression de {{provider}}…',
      cancel: 'Annuler',
      reverificationCancelled: "Rien n'a été modifié : la confirmation a été annulée.",
      connectOnly: 'Connexion uniquement',
    },
    errors: {
      user_locked: "Votre compte est verrouillé. Réessayez plus tard.",
      external_account_missing_refresh_token: "La connexion à ce compte a expiré. Reconnectez-le pour continuer à l'utiliser.",
      script_load_failed: "Clerk n'a pas pu être chargé. Vérifiez votre connexion et réessayez.",
      clerk_load_failed: "Clerk n'a pas pu démarrer. Veuillez réessayer.",
      clerk_unavailable: 'Les serveurs de Clerk sont injoignables : la connexion est impossible pour le moment.',
      unexpected_error: 'Un problème est survenu. Veuillez réessayer.',
      client_not_ready: "Clerk n'a pas encore de client. Rechargez la page et réessayez.",
      strategy_not_enabled: "La connexion avec ce fournisseur n'est pas disponible pour cette application.",
      oauth_missing_verification_url: "Clerk n'a pas indiqué où continuer avec le fournisseur. Veuillez réessayer.",
      reverification_unsupported:
        "Ce compte ne peut être confirmé qu'avec une méthode que cette page ne propose pas (par exemple une clé d'accès ou un second facteur). Confirmez-le dans les paramètres de votre compte.",
      invalid_publishable_key: "La clé publique de Clerk n'est pas valide. Cette page est mal configurée.",
      clerk_not_found: "Clerk est absent de cette page. Cette page est mal configurée.",
      invalid_additional_scopes: 'Les autorisations supplémentaires demandées sont mal écrites. Cette page est mal configurée.',
      invalid_redirect_url: "L'adresse de redirection n'est pas valide.",
      redirect_origin_not_allowed: "L'adresse de redirection mène à un autre site, ce que cette page n'autorise pas.",
    },
  },
} satisfies LocalizationTree;
export default frFR;
