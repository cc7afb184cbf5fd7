import type { MessageTemplate } from './template';

// Default customer messages. They cover every point Microsoft's advisor documentation ("Create
// a purchase offer or trial invitation") asks for; optional values sit in sections so that a missing one never leaves a
// broken sentence. Shared parts are assembled here so English and French stay parallel. The
// contact block under the closing is off unless the advisor turns it on (profile): most webmails
// add their own signature. French follows French typography: ’ and a narrow no-break space
// (U+202F) before : and ;.

const COMPANY_OR_US_EN = '{{#if advisor.company}}{{advisor.company}}{{else}}us{{/if}}';
const COMPANY_OR_TEAM_FR = '{{#if advisor.company}}{{advisor.company}}{{else}}notre équipe{{/if}}';
/** Microsoft's current name for the designation (documentation: "Identify yourself as an authorized Microsoft AI Cloud Partner"). */
const PARTNER_EN = '{{#if advisor.company}}{{advisor.company}} is{{else}}We are{{/if}} an authorized Microsoft AI Cloud Partner';
const PARTNER_FR = '{{#if advisor.company}}{{advisor.company}} est{{else}}Nous sommes{{/if}} partenaire cloud Microsoft AI autorisé';

const opening = (greeting: string, fallback: string) => `{{advisor.logo}}

{{#if customer.name}}${greeting} {{customer.name}},{{else}}${fallback},{{/if}}
`;

/** Name, company and contact details under the closing, only when the advisor asked for them. */
const CONTACT_BLOCK = `{{#if advisor.contactBlock}}
{{advisor.name}}
{{advisor.company}}
{{advisor.phone}}
{{advisor.email}}
{{advisor.website}}
{{/if}}`;

const delegatedAdminEn = (intro: string, noun: string) => `{{#if offer.delegatedAdmin}}
**Delegated administration**
${intro} Microsoft now provides this access through granular delegated admin privileges (GDAP): specific administrator roles, limited in time, that you review and approve yourself. You can accept the ${noun} with or without delegated administration, and you can remove our access at any time from the Microsoft 365 admin center.

If you grant it, we commit to:
- use only the roles you approve, and only to set up, manage and support your subscriptions as agreed with you;
- request the fewest roles for the shortest time the work requires;
- protect the accounts holding this access with multifactor authentication and keep them to the people who need them;
- tell you before any significant change, and end the access as soon as it is no longer needed.
{{#if advisor.gdapLink}}

To review and approve the requested roles, open this link: {{advisor.gdapLink}}
{{/if}}

{{/if}}`;

const delegatedAdminFr = (intro: string, noun: string) => `{{#if offer.delegatedAdmin}}
**Administration déléguée**
${intro} Microsoft accorde désormais cet accès au moyen de privilèges d’administration délégués granulaires (GDAP)\u202f: des rôles d’administrateur précis, limités dans le temps, que vous examinez et approuvez vous-même. Vous pouvez accepter ${noun} avec ou sans administration déléguée, et retirer cet accès à tout moment depuis le centre d’administration Microsoft 365.

Si vous nous l’accordez, nous nous engageons à\u202f:
- n’utiliser que les rôles que vous avez approuvés, uniquement pour mettre en place, gérer et assister vos abonnements comme convenu avec vous\u202f;
- demander le moins de rôles possible, pour la durée la plus courte nécessaire\u202f;
- protéger les comptes qui disposent de cet accès par l’authentification multifacteur et les réserver aux personnes qui en ont besoin\u202f;
- vous prévenir avant toute modification importante, et mettre fin à l’accès dès qu’il n’est plus nécessaire.
{{#if advisor.gdapLink}}

Pour examiner et approuver les rôles demandés, ouvrez ce lien\u202f: {{advisor.gdapLink}}
{{/if}}

{{/if}}`;

const closingEn = (noun: string) => `If you have any questions about the service or this ${noun}, simply reply to this email{{#if advisor.phone}} or call me at {{advisor.phone}}{{/if}}. I will be glad to help.

I look forward to working with you.

Kind regards,
${CONTACT_BLOCK}`;

const closingFr = (noun: string) => `Je reste à votre disposition pour toute question sur le service ou sur ${noun}\u202f: il vous suffit de répondre à ce message{{#if advisor.phone}} ou de m’appeler au {{advisor.phone}}{{/if}}.

Au plaisir d’échanger avec vous.

Bien cordialement,
${CONTACT_BLOCK}`;

/** What the offer holds, its link and its reference: the same block in every default message. */
const offerBlock = (includes: string, openLink: string, reference: string) => `{{#if offer.subscriptions}}
${includes}
{{offer.subscriptions}}

{{/if}}
${openLink}
{{offer.url}}
{{#if offer.summaryId}}${reference}{{/if}}`;

const PURCHASE_EN = `${opening('Dear', 'Hello')}
Please find below the Microsoft subscription offer I have prepared{{#if customer.company}} for {{customer.company}}{{/if}}. ${PARTNER_EN}: you buy directly from Microsoft, with our support.

${offerBlock(`The offer includes:`, `To review and accept the offer, open this link and sign in with your organization's Microsoft work account (or create one):`, `Offer reference: {{offer.summaryId}} (please mention it in any question about this offer).`)}

The offer page shows you the price of each subscription before you accept. You will be billed directly by Microsoft. You stay in control of the number of user licenses, which you can change when you accept the offer.

${delegatedAdminEn(`This offer also proposes delegated administration: you can entrust ${COMPANY_OR_US_EN} with administering your Microsoft services on your behalf.`, 'offer')}
${closingEn('offer')}`;

const TRIAL_EN = `${opening('Dear', 'Hello')}
I am pleased to invite you to a free trial of Microsoft cloud services{{#if customer.company}} for {{customer.company}}{{/if}}, so that you can see how they fit your needs before making any commitment. ${PARTNER_EN}: we can help you set up the trial, answer your questions and, if you wish, prepare a purchase offer afterwards.

${offerBlock(`The trial includes:`, `To start the trial, open this link and sign in with your organization's Microsoft work account (or create one):`, `Trial reference: {{offer.summaryId}} (please mention it in any question about this trial).`)}

You are not charged for the trial. If you decide to continue, the purchase offer shows you the price of each subscription before you accept it; you will be billed directly by Microsoft, and you will stay in control of the number of user licenses, which you can change when you accept the purchase offer.

${delegatedAdminEn(`This invitation also proposes delegated administration: you can entrust ${COMPANY_OR_US_EN} with administering your Microsoft services on your behalf, for example to set up the trial.`, 'invitation')}
${closingEn('trial')}`;

const PURCHASE_FR = `${opening('Bonjour', 'Bonjour')}
Veuillez trouver ci-dessous l’offre d’abonnement Microsoft que j’ai préparée{{#if customer.company}} pour {{customer.company}}{{/if}}. ${PARTNER_FR}\u202f: vous achetez directement auprès de Microsoft, avec notre accompagnement.

${offerBlock(`L’offre comprend\u202f:`, `Pour consulter et accepter l’offre, ouvrez ce lien et connectez-vous avec le compte professionnel Microsoft de votre organisation (ou créez-en un)\u202f:`, `Référence de l’offre\u202f: {{offer.summaryId}} (merci de la rappeler pour toute question à son sujet).`)}

La page de l’offre vous indique le prix de chaque abonnement avant que vous l’acceptiez. Votre organisation sera facturée directement par Microsoft. Vous gardez la main sur le nombre de licences utilisateur et pouvez le modifier au moment d’accepter l’offre.

${delegatedAdminFr(`Cette offre vous propose également l’administration déléguée\u202f: vous pouvez confier à ${COMPANY_OR_TEAM_FR} l’administration de vos services Microsoft.`, 'l’offre')}
${closingFr('cette offre')}`;

const TRIAL_FR = `${opening('Bonjour', 'Bonjour')}
J’ai le plaisir de vous inviter à évaluer gratuitement les services cloud Microsoft{{#if customer.company}} pour {{customer.company}}{{/if}}, afin de vérifier qu’ils répondent à vos besoins avant tout engagement. ${PARTNER_FR}\u202f: nous pouvons vous aider à mettre en place l’évaluation, répondre à vos questions et, si vous le souhaitez, vous préparer ensuite une offre d’achat.

${offerBlock(`L’évaluation comprend\u202f:`, `Pour démarrer l’évaluation, ouvrez ce lien et connectez-vous avec le compte professionnel Microsoft de votre organisation (ou créez-en un)\u202f:`, `Référence de l’invitation\u202f: {{offer.summaryId}} (merci de la rappeler pour toute question à son sujet).`)}

L’évaluation ne vous est pas facturée. Si vous décidez de poursuivre, l’offre d’achat vous indiquera le prix de chaque abonnement avant que vous l’acceptiez\u202f; votre organisation sera facturée directement par Microsoft, et vous garderez la main sur le nombre de licences utilisateur, que vous pourrez modifier au moment d’accepter l’offre d’achat.

${delegatedAdminFr(`Cette invitation vous propose également l’administration déléguée\u202f: vous pouvez confier à ${COMPANY_OR_TEAM_FR} l’administration de vos services Microsoft, par exemple pour mettre en place l’évaluation.`, 'l’invitation')}
${closingFr('cette évaluation')}`;

export const DEFAULT_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'default-purchase-en',
    name: 'Purchase offer',
    language: 'en',
    kind: 'purchase',
    subject: 'Your Microsoft subscription offer{{#if advisor.company}} from {{advisor.company}}{{/if}}',
    body: PURCHASE_EN,
    isDefault: true,
  },
  {
    id: 'default-trial-en',
    name: 'Trial invitation',
    language: 'en',
    kind: 'trial',
    subject: 'Your invitation to try Microsoft cloud services{{#if advisor.company}}, from {{advisor.company}}{{/if}}',
    body: TRIAL_EN,
    isDefault: true,
  },
  {
    id: 'default-purchase-fr',
    name: 'Offre d’achat',
    language: 'fr',
    kind: 'purchase',
    subject: 'Votre offre d’abonnement Microsoft{{#if advisor.company}} de la part de {{advisor.company}}{{/if}}',
    body: PURCHASE_FR,
    isDefault: true,
  },
  {
    id: 'default-trial-fr',
    name: 'Invitation d’évaluation',
    language: 'fr',
    kind: 'trial',
    subject: 'Votre invitation à évaluer les services cloud Microsoft{{#if advisor.company}} de la part de {{advisor.company}}{{/if}}',
    body: TRIAL_FR,
    isDefault: true,
  },
];
