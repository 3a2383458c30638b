# majlis — messages français

## Navigation
nav-skip = Aller au contenu
nav-main = Menu principal
nav-menu = Menu
nav-dashboard = Accueil
nav-bodies = Instances
nav-people = Membres
nav-account = Mon compte
nav-admin = Administration
nav-settings = Paramètres de l’organisation
nav-language = Langue
nav-breadcrumbs = Fil d’Ariane
nav-back = Retour
nav-back-home = Retour à l’accueil
nav-pages = Pages
nav-previous = Précédent
nav-next = Suivant
nav-actions = Actions
nav-page-of = Page { $page } sur { $pages }

## Actions
action-login = Se connecter
action-logout = Se déconnecter
action-save = Enregistrer
action-cancel = Annuler
action-create = Créer
action-edit = Modifier
action-archive = Archiver
action-search = Rechercher
action-history = Historique
action-new-body = Nouvelle instance
action-new-sub-body = Nouvelle sous-instance
action-new-person = Nouveau membre
action-add-member = Ajouter un membre
action-end-membership = Mettre fin à l’adhésion
action-create-token = Créer un jeton
action-revoke = Révoquer
action-disable = Désactiver
action-enable = Activer

## Connexion
login-title = Connexion
login-failed = Identifiant ou mot de passe incorrect.

## Accueil
dashboard-title = Accueil
dashboard-greeting = Bienvenue, { $name }
dashboard-my-bodies = Mes instances et fonctions
dashboard-no-roles = Vous n’êtes membre actuel d’aucune instance.
dashboard-organization = L’organisation
home-meetings = Mes prochaines réunions
home-meetings-empty = Aucune réunion prévue dans vos instances.
home-papers = Mes documents de travail
home-papers-empty = Aucun document de travail ne vous attend.
home-decisions = Décisions et mesures à exécuter
home-decisions-empty = Aucune décision ouverte à la charge de vos instances.
home-minutes = Procès-verbaux à approuver
home-due = échéance : { $date }
home-overdue = En retard
home-reviews = Documents de travail à approuver
home-to-review = À examiner
home-activity = Activité récente dans mes instances
home-activity-empty = Rien de nouveau dans vos instances pour l’instant.
activity-today = Aujourd’hui, { $time }
activity-yesterday = Hier, { $time }
activity-by = { $action } par { $name }
activity-meeting-planned = Réunion programmée
activity-meeting-held = Réunion tenue
activity-meeting-postponed = Réunion reportée
activity-meeting-cancelled = Réunion annulée
activity-minutes-approved = Procès-verbal approuvé
activity-decision-taken = Décision prise
activity-decision-followed-up = Suivi d’une décision mis à jour
activity-member-joined = Nouveau membre
activity-member-left = Fin de mandat
activity-paper-circulated = Document de travail diffusé
reply-question = Serez-vous présent·e à cette réunion ?
reply-attend = Je serai présent·e
reply-apologies = Je ne pourrai pas être présent·e
reply-status-attend = Sera présent·e
reply-status-apologies = Excusé·e
error-reply_too_late = La réunion a commencé : il n’est plus possible de répondre à la convocation.
confirm-end-membership = Mettre fin à cette adhésion ? La personne restera dans la liste des anciens membres.
confirm-archive = Archiver cette fiche ? Elle n’apparaîtra plus dans les listes.
confirm-cancel-meeting = Annuler cette réunion ? Les personnes convoquées seront informées de l’annulation.
confirm-approve-minutes = Approuver le procès-verbal ? Le dossier de la réunion sera verrouillé.
confirm-disable-account = Désactiver ce compte ? Ses sessions et ses clés seront révoquées.
confirm-revoke = Révoquer définitivement cette clé ?

## Nombres
count-members = { $category ->
    [one] { $count } membre
   *[other] { $count } membres
}
count-people = { $category ->
    [one] { $count } personne
   *[other] { $count } personnes
}
count-bodies = { $category ->
    [one] { $count } instance
   *[other] { $count } instances
}

## Instances
bodies-title = Instances
body-new-title = Nouvelle instance
body-edit-title = Modifier l’instance
body-members = Membres
body-members-count = Membres actuels
body-no-members = Aucun membre actuel.
body-past-members = Anciens membres
body-sub-bodies = Sous-instances
body-no-sub-bodies = Aucune sous-instance.
body-no-parent = — Aucune instance parente —
body-archived = Cette instance est archivée.
kind-executive = Exécutif
kind-council = Conseil
kind-congress = Congrès
kind-secretariat = Secrétariat
kind-regional = Instance régionale
kind-provincial = Instance provinciale
kind-local = Section locale
kind-parallel_org = Organisation parallèle
kind-sector = Secteur
kind-commission = Commission

## Fonctions
role-group-chair = Secrétariat général
role-group-deputy_chair = Secrétaires généraux adjoints
role-group-secretary = Secrétariat
role-group-treasurer = Trésorerie
role-group-member = Membres
label-member-of = { $gender ->
    [female] membre
   *[male] membre
}
period-since = depuis le { $from }
period-range = du { $from } au { $to }
member-new-title = Ajouter un membre à l’instance
member-find-person = Chercher la personne par nom ou numéro d’adhérent

## Membres
people-title = Membres
person-new-title = Enregistrer un membre
person-edit-title = Modifier le membre
person-memberships = Instances et fonctions
person-no-memberships = Aucune appartenance enregistrée.
person-archived = Ce membre est archivé.
gender-female = Femme
gender-male = Homme

## Compte
account-title = Mon compte
account-language = Langue de l’interface
account-locale-auto = Automatique (navigateur)
account-tokens = Jetons d’accès à l’API
account-no-tokens = Aucun jeton. Créez-en un ci-dessous pour utiliser l’API.
account-token-shown-once = Copiez ce jeton maintenant : il ne sera plus affiché.
account-token-created = Créé le
account-token-state = État
account-token-live = Actif
account-token-revoked = Révoqué
account-state = État
account-active = Actif
account-disabled = Désactivé
account-admin = Administrateur
admin-accounts-title = Comptes
admin-new-account = Nouveau compte
settings-title = Paramètres de l’organisation
lang-ar = Arabe
lang-fr = Français
lang-en = Anglais
digits-western = Chiffres occidentaux (0-9)
digits-arabic_indic = Chiffres arabes orientaux (٠-٩)

## Historique
audit-title = Historique des modifications
audit-field = Champ
audit-before = Avant
audit-after = Après
audit-system = Système
audit-action-create = Création
audit-action-update = Modification
audit-action-archive = Archivage
audit-action-end = Fin
audit-action-reset_password = Nouveau mot de passe
audit-action-disable = Désactivation
audit-action-enable = Activation
audit-action-revoke = Révocation
audit-action-restore = Restauration d’une sauvegarde

## Champs
field-login = Identifiant ou e-mail
field-password = Mot de passe
field-search = Recherche
field-name = Nom
field-name_ar = Nom en arabe
field-name_fr = Nom en français
field-name_en = Nom en anglais
field-kind = Type
field-parent_id = Instance parente
field-city = Ville ou province
field-full_name_ar = Nom complet en arabe
field-full_name_latin = Nom en caractères latins
field-gender = Genre
field-member_number = Numéro d’adhérent
field-email = E-mail
field-phone = Téléphone
field-joined_on = Date d’adhésion
field-person_id = Personne
field-body_id = Instance
field-role = Fonction
field-starts_on = Du
field-ends_on = Au
field-username = Nom d’utilisateur
field-locale = Langue
field-token-name = Nom du jeton
field-token = Jeton
field-key = Clé
field-id = Identifiant
field-linked-member_number = Numéro d’adhérent du titulaire (facultatif)
field-short_name = Nom court
field-default_locale = Langue par défaut
field-date_locale = Conventions régionales des dates
field-digits = Chiffres
field-time_zone = Fuseau horaire
field-show_hijri = Afficher la date hégirienne à côté
form-has-errors = Veuillez corriger les erreurs signalées.
empty-sessions = Aucune session de ce conseil pour l’instant.
empty-meetings = Aucune réunion pour cette instance : programmez la première avec « Nouvelle réunion ».
empty-search = Personne ne correspond à cette recherche. Essayez une partie du nom ou le numéro d’adhérent.
empty-bodies = Aucune instance ne correspond à cette recherche.
empty-decisions-to-follow = Aucune décision ni mesure ouverte à la charge de cette instance.
empty-participations = Aucune participation enregistrée pour l’instant.
empty-audit = Aucune modification enregistrée pour cet élément.
empty-program = Le programme est vide : ajoutez le premier créneau (ouverture, ateliers, clôture).
empty-papers = Aucun document de travail attribué pour l’instant.
empty-parallel = Aucune rencontre thématique liée à cette session.
empty-versions = Pas encore de version : déposez un fichier ou écrivez le texte ci-dessous.
empty-agenda = L’ordre du jour est vide.
empty-guests = Aucun invité.
empty-decisions = Aucune décision enregistrée pour cette réunion.
empty-reports = Aucun rapport enregistré.

## Erreurs
error-invalid_input = Données invalides.
error-forbidden = Vous n’avez pas le droit de faire cela.
error-unauthenticated = Veuillez vous connecter.
error-not_found = La page ou la fiche demandée n’existe pas.
error-conflict = Cette valeur est déjà utilisée : { $field }.
error-stale_record = Cette fiche a changé depuis son ouverture. Rechargez la page.
error-bad_request = Requête invalide.
error-csrf_failed = Le formulaire a expiré. Rechargez la page et réessayez.
error-payload_too_large = Le contenu envoyé dépasse la taille permise.
error-locked = Trop d’échecs. Réessayez dans { $wait }.
error-busy = Le serveur traite beaucoup de connexions à la fois. Réessayez dans un instant.
wait-minutes = { $category ->
    [one] { $count } minute
   *[other] { $count } minutes
}
wait-seconds = { $category ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
error-unavailable = La base de données est momentanément indisponible. Réessayez dans un instant.
error-internal = Une erreur interne est survenue. Elle a été journalisée.
error-required = Ce champ est obligatoire.
error-single_line = Ce champ tient sur une ligne : retirez les retours à la ligne.
error-contact_shared = Cette personne appartient à d’autres instances que vous ne gérez pas : seuls la direction nationale ou la personne peuvent modifier ce champ.
error-too_long = Le texte est trop long.
error-invalid_email = Adresse e-mail invalide.
error-invalid_choice = Choix invalide.
error-invalid_color = Couleur non valide : choisissez une couleur au format #rrggbb.
error-color_too_light = Cette couleur est trop claire : un texte blanc ne s’y lit pas. Choisissez une couleur plus foncée.
error-image_type = Le logo doit être une image PNG, JPEG ou WebP.
error-parent_cycle = Une instance ne peut être placée sous elle-même ni sous une de ses sous-instances.
error-invalid_member_number = Le numéro d’adhérent n’accepte que des lettres latines, des chiffres, - et /.
error-invalid_phone = Numéro de téléphone invalide.
error-invalid_date = Date invalide (AAAA-MM-JJ).
error-end_before_start = La date de fin précède la date de début.
error-already_ended = Cette appartenance est déjà terminée.
error-password_too_short = Mot de passe trop court (10 caractères au moins).
error-invalid_username = Nom d’utilisateur : lettres latines, chiffres et signes . _ - seulement.
error-has_active_children = Impossible d’archiver une instance qui a des sous-instances actives.
error-archived = Cette fiche est archivée.
error-invalid_role_key = Clé de fonction invalide.
error-cannot_disable_self = Vous ne pouvez pas désactiver votre propre compte.
error-taken = Cette valeur est déjà utilisée.
error-title-400 = Requête invalide
error-title-401 = Connexion requise
error-title-403 = Accès refusé
error-title-404 = Introuvable
error-title-409 = Conflit
error-title-413 = Contenu trop volumineux
error-title-422 = Données invalides
error-title-429 = Trop de tentatives
error-title-500 = Erreur interne
error-title-503 = Service momentanément indisponible
error-title-other = Erreur
settings-roles = Fonctions
field-name_ar_female = Nom arabe au féminin
field-new-password = Nouveau mot de passe
action-add-role = Ajouter une fonction
action-reset-password = Changer le mot de passe
error-invalid_datetime = Date et heure invalides.
error-invalid_duration = Durée invalide (1 à 600 minutes).
error-record_locked = Le procès-verbal de cette réunion est approuvé : son dossier (ordre du jour, présences, invités, décisions, rapports entendus) ne change plus.
error-meeting_not_started = Une réunion ne peut être enregistrée comme tenue avant son début.
error-meeting_closed = Cette réunion est tenue ou annulée : son état ne change plus.
error-postpone_not_later = La nouvelle date doit suivre la date actuelle.
error-meeting_cancelled = Cette réunion est annulée.
error-not_invited = Cette personne n’est pas invitée à la réunion.
error-minutes_locked = Le procès-verbal est approuvé et verrouillé.
error-days_out_of_order = Les jours de la session ne sont pas dans l’ordre.
error-outside_session = Le créneau est hors des jours de la session.
error-paper_approved = Le document de travail est approuvé.
error-invalid_transition = Ce passage n’est pas possible à cette étape.

## Réunions
body-meetings = Réunions
body-decisions-to-follow = Décisions et mesures à suivre
action-new-meeting = Nouvelle réunion
meeting-new-title = Planifier une réunion
meeting-title = Réunion
meeting-when = Date
meeting-when-value = { $date }, { $times }
meeting-times-zone = Heures dans le fuseau de l’organisation :
meeting-quorum = Quorum
meeting-agenda = Ordre du jour
meeting-attendance = Présences
meeting-decisions = Décisions et mesures
meeting-status-actions = État de la réunion
meeting-quorum-reached = Quorum atteint : { $present } sur { $members } (il en faut { $needed }).
meeting-quorum-missing = { $nobody ->
    [yes] Quorum non atteint : aucun membre présent sur { $members } (il en faut { $needed }).
   *[no] Quorum non atteint : { $present } sur { $members } (il en faut { $needed }).
}
meeting-kind-periodic = Réunion périodique
meeting-kind-special = Rencontre spéciale
meeting-kind-extraordinary = Réunion extraordinaire
meeting-kind-thematic = Rencontre thématique
meeting-status-planned = Planifiée
meeting-status-held = Tenue
meeting-status-cancelled = Annulée
meeting-status-not_recorded = Non enregistrée comme tenue
paper-not-submitted-by-due = Non remis à l’échéance
meeting-status-postponed = Reportée
quorum-majority = Majorité absolue des membres
quorum-two_thirds = Deux tiers des membres
quorum-fixed = Nombre fixe
action-mark-held = Marquer comme tenue
action-cancel-meeting = Annuler la réunion
action-postpone = Reporter
action-move-up = Monter
action-move-down = Descendre
action-add-agenda-item = Ajouter un point à l’ordre du jour
action-save-attendance = Enregistrer les présences
action-add-decision = Ajouter une décision ou mesure
attendance-present = Présent·e
attendance-excused = Excusé·e
attendance-absent = Absent·e
attendance-unknown = Non renseigné
decision-kind-decision = Décision
decision-kind-measure = Mesure
decision-status-open = En cours
decision-status-done = Réalisée
decision-status-dropped = Abandonnée
decision-due = échéance : { $date }
decision-no-body = — Aucune instance chargée —
count-minutes = { $category ->
    [one] { $count } minute
   *[other] { $count } minutes
}
field-title = Titre
field-venue = Lieu
field-theme = Thème
field-starts_at = Début
field-ends_at = Fin
field-quorum = Règle de quorum
field-planned_minutes = Durée prévue (minutes)
field-description = Description
field-status = État
field-text = Texte
field-responsible_body_id = Instance chargée
field-responsible_person_id = Personne chargée
field-due_on = Échéance
field-presenter_id = Présentateur·rice
audit-action-held = Tenue
audit-action-cancelled = Annulation
audit-action-postponed = Report
audit-action-planned = Planification
audit-action-attendance = Présences
audit-action-reorder = Ordre du jour réordonné
audit-action-seed = Données synthétiques

## Sessions
body-sessions = Sessions
action-new-session = Nouvelle session
field-session-number = Numéro de la session (facultatif)
field-number = Numéro de la session
field-first_day = Premier jour
field-last_day = Dernier jour
session-program = Programme de la session
session-time = Horaire
field-room = Salle
session-workshops = Ateliers
workshop-themes = Thèmes
workshop-questions = Questions directrices
workshop-facilitators = Animation
workshop-rapporteurs = Rapporteur·es
workshop-participants = Participant·es
session-papers = Documents de travail
paper-assignees = Rédacteur·rices
session-parallel = Programme parallèle : rencontres thématiques
session-plan = Préparer la session
session-conflicts = Alertes sur le programme :
session-workshop = Atelier
action-add-workshop = Ajouter un atelier
action-add-slot = Ajouter un créneau
action-assign-paper = Confier un document de travail
workshop-themes-one-a-line = Thèmes (un par ligne)
workshop-questions-one-a-line = Questions directrices (une par ligne)
field-capacity = Capacité
field-themes = Thèmes
field-questions = Questions
field-slot_title = Titre du créneau
field-paper_title = Titre du document
field-paper_workshop_id = Atelier
field-assignees = Rédacteur·rices
paper-assignee-numbers = Numéros d’adhérent des rédacteur·rices (séparés par des virgules)
slot-kind-opening = Séance d’ouverture
slot-kind-workshop = Atelier
slot-kind-break = Pause
slot-kind-plenary = Plénière
slot-kind-closing = Séance de clôture
paper-state-assigned = Confié
paper-state-draft = Brouillon
paper-state-submitted = Soumis
paper-state-approved = Approuvé
paper-state-returned = Renvoyé
paper-state-circulated = Diffusé
paper-action-save_version = Enregistrer une version
paper-action-submit = Soumettre
paper-action-approve = Approuver
paper-action-return = Renvoyer
paper-action-circulate = Diffuser
count-days-late = { $category ->
    [one] { $count } jour de retard
   *[other] { $count } jours de retard
}
conflict-person = { $name } est dans deux créneaux simultanés.
conflict-room = La salle { $room } est réservée deux fois en même temps.
conflict-facilitator = { $name } anime un atelier sans être membre du conseil.
error-not_a_council = Seuls les conseils tiennent des sessions.
error-number_not_after_last = Le numéro doit suivre celui de la dernière session.
error-workshop_full = L’atelier est complet.
error-unknown_member_number = Numéro d’adhérent inconnu.
audit-action-assign = Affectation
audit-action-link = Rattachement à la session
audit-action-draft = Brouillon
audit-action-submitted = Soumission
audit-action-approved = Approbation
audit-action-returned = Renvoi
audit-action-circulated = Diffusion

time-range = { $from } – { $to }
action-add-to-calendar = Ajouter à l’agenda (.ics)

## E-mails
mail-invitation-subject = Convocation : { $title }
mail-invitation-text =
    { $name },
    
    { $body } a l’honneur de vous convoquer à la réunion suivante : { $title }
    Date : { $when }
    Lieu : { $venue }
    
    Ordre du jour :
    { $agenda }
    Le fichier joint ajoute la réunion à votre agenda. Détail de la réunion :
    { $link }
mail-invitation-changed-subject = Changement de date ou de lieu : { $title }
mail-invitation-changed-text =
    { $name },
    
    La date ou le lieu de la réunion « { $title } » ({ $body }) a changé.
    Nouvelle date : { $when }
    Lieu : { $venue }
    
    Ordre du jour :
    { $agenda }
    Détail : { $link }
mail-invitation-cancelled-subject = Annulation : { $title }
mail-invitation-cancelled-text =
    { $name },
    
    La réunion « { $title } » ({ $body }), prévue le { $when }, est annulée.
    
    Détail : { $link }
mail-reminder-before-subject = Rappel : document de travail « { $title } »
mail-reminder-before-text =
    { $name },
    
    Le document de travail « { $title } » qui vous est confié pour { $session } est attendu le { $due }.
    
    Pour déposer ou rédiger une version : { $link }
mail-reminder-overdue-subject = En retard : document de travail « { $title } »
mail-reminder-overdue-text =
    { $name },
    
    Le document de travail « { $title } » ({ $session }) était attendu le { $due } et n’a pas encore été remis.
    
    Pour le déposer : { $link }

nav-calendar = Calendrier
minutes-title = Procès-verbal
minutes-status-approved = Approuvé
minutes-status-draft = Brouillon
minutes-approved-by = Approuvé par { $name } le { $date }
minutes-saved-at = Dernier enregistrement : { $date } à { $time } (version { $version })
minutes-conflict-help = Quelqu’un d’autre a enregistré le procès-verbal après que vous l’avez ouvert. Votre texte est conservé dans le formulaire ci-dessous et la version enregistrée est affichée au-dessus ; enregistrer à nouveau la remplacera.
minutes-conflict-saved = La version enregistrée
minutes-overall = Procès-verbal général
minutes-item-empty = Rien n’a été consigné sur ce point.
minutes-document-title = Procès-verbal : { $meeting } — { $body }
minutes-link = Procès-verbal
action-print = Version imprimable
action-download-pdf = Télécharger le PDF
action-save-minutes = Enregistrer le procès-verbal
action-approve-minutes = Approuver et verrouiller le procès-verbal
error-minutes_not_approved = Le procès-verbal n’est pas encore approuvé.
error-meeting_not_held = Le procès-verbal ne peut être approuvé qu’une fois la réunion tenue.
error-minutes_empty = Le procès-verbal est vide.
error-file_type = Type de fichier refusé : PDF, DOCX, ODT ou Markdown uniquement (vérifié d’après le contenu, pas d’après le nom).
error-file_too_large = Le fichier dépasse la taille permise.
error-not_a_later_meeting = Choisissez une réunion ultérieure de la même instance.
error-meeting_not_planned = Cette réunion n’est plus prévue.
field-time = Horaire
meeting-guests = Invités
meeting-reports = Rapports entendus
workshop-outcome = Recommandations

minutes-none = Pas encore rédigé
minutes-not-yet = Pas encore disponible
mail-status = E-mails — envoyés : { $sent }, en attente : { $waiting }, en échec : { $failed }
mail-retrying = Le serveur de messagerie ne répond pas ; nouvel essai automatique ({ $error }). Rien n’est perdu.
mail-not-configured = Aucun serveur de messagerie n’est configuré : les e-mails restent en attente.
report-no-participation = — sans lien à une participation —
meeting-edit-title = Modifier la réunion
meeting-edit-resend = Si la convocation a été envoyée et que la date ou le lieu change, elle est renvoyée automatiquement.
meeting-invitations = Convocation
action-send-invitations = Envoyer la convocation
action-resend-invitations = Renvoyer la convocation
meeting-invitations-help = La convocation est envoyée aux membres et aux invités qui ont une adresse e-mail, avec l’ordre du jour et un fichier d’agenda.
agenda-carried = Reporté d’une réunion précédente
agenda-item-tools = Pièces jointes et report
field-attachment = Pièce jointe
action-attach = Joindre
field-carry_over_to = Reporter à
action-carry-over = Reporter le point
action-add-guest = Ajouter un invité
field-quality = Qualité
field-guest_name = Nom
field-report_title = Titre
action-add-report = Enregistrer un rapport
field-participation_id = Participation
field-file = Fichier

field-comment = Commentaires pour les rédacteur·rices
paper-versions = Versions
paper-version = Version
paper-new-version = Nouvelle version
paper-upload = Déposer un fichier (PDF, DOCX, ODT ou Markdown)
paper-upload-limit = Taille maximale : { $size }
paper-write = Ou écrire le texte ici (Markdown)
paper-save-version = Enregistrer la version
paper-history = Historique

calendar-months = Mois
calendar-previous = Mois précédent
calendar-next = Mois suivant
calendar-today = Ce mois-ci
calendar-show = Afficher
calendar-my-bodies = Toutes mes instances
action-show = Afficher
calendar-feeds = Abonnement au calendrier
calendar-feeds-help = Une adresse secrète qui ajoute vos réunions à l’agenda de votre téléphone ou ordinateur et les tient à jour. Ne la partagez pas ; vous pouvez la révoquer à tout moment.
calendar-feed-created = Voici l’adresse d’abonnement, affichée une seule fois :
calendar-feed-revoked = Révoquée
calendar-feed-new = Nouvelle adresse d’abonnement

error-invalid_range = Période invalide (400 jours au plus).

action-record-outcome = Consigner les recommandations

participations-title = Participations
participation-scope-national = Nationale
participation-scope-international = Internationale
participation-when = Date et lieu
participation-people = Représentants
participation-people-numbers = Autres adhérents, par leur numéro (séparés par des virgules)
confirm-delete-participation = Supprimer cette participation et son rapport ?
action-add-participation = Enregistrer une participation
field-event = Événement
field-organizer = Organisateur
field-scope = Portée
field-country = Pays
field-people = Représentants
field-report = Rapport
field-report-file = Document du rapport
field-event_title = Événement

action-join-workshop = M’inscrire à cet atelier
action-leave-workshop = Quitter l’atelier
workshop-joined = { $gender ->
    [female] Vous êtes inscrite à cet atelier.
    [male] Vous êtes inscrit à cet atelier.
   *[other] Vous êtes inscrit·e à cet atelier.
}

guest-speaker = Intervenant·e
guest-speaker-as = { $gender ->
    [female] Intervenante
    [male] Intervenant
   *[other] Intervenant·e
}
gender-unknown = Non précisé
session-speakers = Intervenant·es

action-remove-agenda-item = Retirer le point

action-delete = Supprimer
error-participation_heard = Le rapport de cette participation a été entendu en réunion : elle reste au registre.

## Changing a session, its slots and workshops
nav-back-to-session = Retour à la session
action-remove = Retirer
session-delete = Supprimer la session
session-delete-help = Le programme et les ateliers de la session sont supprimés ; les rencontres parallèles restent, hors session. Une session où un document de travail a été confié ne peut pas être supprimée.
confirm-delete-session = Supprimer cette session, son programme et ses ateliers ? C’est définitif.
confirm-delete-slot = Supprimer ce créneau du programme ?
action-delete-slot = Supprimer le créneau
workshop-edit = Modifier l’atelier et ses responsables
workshop-people = Animateur·rices, rapporteur·es et participant·es
workshop-people-empty = Personne n’est encore désigné dans cet atelier. Choisissez ci-dessous un·e animateur·rice et un·e rapporteur·e parmi les membres du conseil.
workshop-add-person = Désigner un membre dans l’atelier
workshop-details = L’atelier
confirm-delete-workshop = Supprimer cet atelier ? Ses membres le quittent et ses créneaux restent au programme sans atelier.
action-delete-workshop = Supprimer l’atelier
workshop-role-facilitator = Animateur·rice
workshop-role-rapporteur = Rapporteur·e
workshop-role-participant = Participant·e
picker-search = Chercher par nom ou numéro d’adhérent
picker-none = Personne ne correspond à cette recherche.
picker-no-candidates = Cette instance n’a aucun membre actuel à choisir.
error-number_taken = Ce numéro est déjà celui d’une autre session de ce conseil.
error-slots_outside_days = Des créneaux du programme tombent hors de ces dates : modifiez-les d’abord.
error-session_has_papers = Une session où des documents de travail ont été confiés ne peut pas être supprimée.
error-workshop_has_papers = Un atelier qui a des documents de travail ne peut pas être supprimé.
error-capacity_below_signed = Plus de participant·es sont inscrit·es que cette capacité.
paper-assignee-others = Membres hors du conseil (numéros d’adhérent, séparés par des virgules)

## Meeting page sections
meeting-sections = Sections de la réunion
meeting-summary = Résumé
meeting-documents = Documents
minutes-open-to-write = Ouvrir et rédiger le procès-verbal
minutes-read = Lire le procès-verbal
minutes-document-title-short = Procès-verbal : { $meeting }
document-page = Page { $page } sur { $total }
field-brand_color = Couleur de l’organisation
settings-brand-default = Couleur de majlis (vert)
settings-brand-pick = Choisir une couleur
settings-brand-hint = Elle colore l’en-tête et les boutons ; elle doit être assez foncée pour qu’un texte blanc s’y lise.
settings-logo = Logo
settings-logo-current = Logo actuel
settings-logo-none = Pas de logo : l’initiale du nom de l’organisation s’affiche.
settings-logo-upload = Image du logo
settings-logo-hint = PNG, JPEG ou WebP, jusqu’à { $size } Ko.
settings-logo-save = Enregistrer le logo
settings-logo-remove = Retirer le logo
settings-logo-remove-confirm = Retirer le logo et revenir à l’initiale du nom ?

## Campaigns
field-body = Instance
board-region = Région
board-submitted-at = Date de dépôt
board-days-late = Jours de retard
board-meeting-held = Réunion requise tenue
board-status-not_started = Pas commencé
board-status-draft = Brouillon
board-status-submitted_on_time = Déposé dans les délais
board-status-submitted_late = Déposé en retard
board-status-returned = Renvoyé pour révision
board-status-accepted = Accepté
board-status-missing = Manquant après l’échéance
report-state-draft = Brouillon
report-state-submitted = Déposé
report-state-returned = Renvoyé pour révision
report-state-accepted = Accepté
answer-yes = Oui
answer-no = Non
error-not_a_target = Cette instance n’est pas concernée par cette campagne.
error-campaign_not_running = La campagne n’est pas en cours : dépôt impossible.
error-report_locked = Le rapport est déposé : il ne peut être modifié que s’il est renvoyé.
error-already_submitted = Le rapport est déjà déposé.
error-no_report_required = Cette campagne ne demande pas de rapport.
error-nothing_required = Précisez ce que les instances doivent faire : une réunion ou un rapport.
error-unknown_template = Modèle de rapport introuvable.
error-unknown_body = Instance introuvable.
error-unknown_decision = Décision introuvable.
error-not_this_body = Cette réunion n’est pas une réunion de cette instance.
error-out_of_range = La valeur est hors des limites permises.
error-not_an_integer = Saisissez un nombre entier.
error-not_a_number = Saisissez un nombre.
error-one_choice = Choisissez une seule réponse.
error-invalid_table = Le tableau n’est pas valide.
error-too_many_rows = Le tableau a trop de lignes.
error-unknown_field = Champ absent du modèle.
error-invalid_key = Clé non valide : lettres latines minuscules, chiffres et « _ ».
error-duplicate_key = Clé en double.
error-invalid_label = Intitulé non valide.
error-bad_range = Les bornes sont incohérentes.
error-bad_options = Choix non valides (au moins deux, clés uniques).
error-bad_columns = Colonnes du tableau non valides.
error-invalid_template = Le modèle n’est pas valide.
error-too_many = Le nombre dépasse ce qui est permis.
error-invalid_text = Texte non valide.
campaigns-title = Campagnes
nav-campaigns = Campagnes
campaign-state-draft = Brouillon
campaign-state-launched = En cours
campaign-state-closed = Close
campaign-issuer = Instance émettrice
campaign-targets = Instances concernées
campaign-summary = Bilan
campaign-board = Tableau de suivi
campaign-reports-in = Rapports déposés
campaign-median-late = Retard médian (jours)
campaign-board-csv = Télécharger le tableau (CSV)
campaign-reports-csv = Télécharger toutes les réponses (CSV)
campaign-all = Tout
campaign-filter = Filtrer
campaign-due-grace = { $date } (délai de grâce : { $days })
board-no-region = Hors région
board-late-days = { $category ->
    [one] { $count } jour
   *[other] { $count } jours
}
empty-campaigns = Aucune campagne ne vous concerne pour l’instant.
empty-board = Aucune instance dans ce tableau.
report-range = Entre { $min } et { $max }.
report-range-min = Au moins { $min }.
report-range-max = Au plus { $max }.
report-meeting = Réunion d’évaluation
report-no-meeting = — aucune réunion liée —
report-no-meeting-yet = Cette instance n’a pas encore de réunion du type demandé.
report-form-help = Enregistrez un brouillon au fil de l’eau ; soumettez quand tous les champs obligatoires (*) sont remplis. Un rapport soumis est verrouillé, sauf s’il est renvoyé.
report-returned-with = Renvoyé avec ce commentaire :
report-save-draft = Enregistrer le brouillon
report-saved = Brouillon enregistré.
report-submit = Soumettre le rapport
report-submit-confirm = Soumettre le rapport ? Il sera verrouillé et transmis à l’instance émettrice.
report-answers = Les réponses du rapport
report-add-note = Ajouter une remarque sur cette réponse
report-note-on = Remarque sur
report-review-comment = Commentaire général (requis pour renvoyer le rapport, sauf si vous avez laissé des remarques)
report-accept = Accepter le rapport
report-accept-confirm = Accepter ce rapport ? Il restera verrouillé.
report-return = Renvoyer pour révision
report-history = Historique
report-event-save = Brouillon enregistré
report-event-submitted = Soumis
report-event-returned = Renvoyé pour révision
report-event-accepted = Accepté
report-submitted-on-time = { $date }, dans les délais
report-submitted-late = { $date }, avec { $days } de retard
board-open-report = Ouvrir le rapport
campaign-our-report = Notre rapport
report-template = Rapport
synthesis-title = Rapport de synthèse
synthesis-open = Ouvrir le rapport de synthèse
synthesis-all = Tous les rapports
synthesis-counted = { $reports } rapports pris en compte sur { $targets } instances
synthesis-reports = Rapports pris en compte
synthesis-figures = Chiffres
synthesis-empty = Aucun rapport soumis pour l’instant : les chiffres apparaissent avec le premier.
synthesis-count = Rapports
synthesis-sum = Total
synthesis-mean = Moyenne
synthesis-median = Médiane
synthesis-min = Min.
synthesis-max = Max.
synthesis-group = Groupe
synthesis-field = Question
synthesis-option = Réponse
synthesis-share = Part
synthesis-answered = { $category ->
    [one] { $count } rapport a répondu
   *[other] { $count } rapports ont répondu
}
synthesis-by-body = La réponse de chaque instance
synthesis-no-text = Aucune instance n’a encore écrit dans cette partie.
synthesis-stragglers = Instances en retard ou absentes
synthesis-late = Soumis en retard
synthesis-missing = Non soumis
synthesis-csv = Télécharger les chiffres (CSV)
synthesis-analysis = L’analyse de l’instance émettrice
synthesis-analysis-label = Analyse
synthesis-analysis-hint = Écrite au-dessus des chiffres générés ; chaque enregistrement est gardé comme nouvelle version, avec les chiffres du moment.
synthesis-save = Enregistrer comme nouvelle version
synthesis-approve = Approuver cette version
synthesis-approve-confirm = Approuver cette version du rapport de synthèse ? Elle sera verrouillée ; une modification ultérieure crée une nouvelle version.
synthesis-agenda-item = Étudié lors de (point de l’ordre du jour)
synthesis-no-agenda-item = — aucun point —
synthesis-no-analysis = Aucune analyse rédigée pour l’instant.
synthesis-versions = Versions
synthesis-version-line = Version { $number }, enregistrée par { $name } le { $date }
synthesis-approved-by = Version { $number } approuvée par { $name } le { $date }
error-nothing_to_approve = Enregistrez l’analyse avant de l’approuver.
error-already_approved = Cette version est déjà approuvée : une modification crée une nouvelle version.
mail-campaign-subject = Rappel : « { $title } » — échéance le { $due }
mail-campaign-before-text =
    { $gender ->
        [female] Madame
        [male] Monsieur
       *[other] Madame, Monsieur
    } { $name },
    
    Nous vous rappelons que, dans le cadre de « { $title } », { $body } doit tenir sa réunion et envoyer son rapport au plus tard le { $due }. État du rapport : { $status }.
    
    Le rapport se remplit et s’envoie ici :
    { $link }
mail-campaign-due-day-text =
    { $gender ->
        [female] Madame
        [male] Monsieur
       *[other] Madame, Monsieur
    } { $name },
    
    Aujourd’hui, { $due }, est le dernier jour pour envoyer le rapport de { $body } dans le cadre de « { $title } ». État du rapport : { $status }.
    
    { $link }
mail-campaign-overdue-text =
    { $gender ->
        [female] Madame
        [male] Monsieur
       *[other] Madame, Monsieur
    } { $name },
    
    L’échéance du { $due } est passée et le rapport de { $body } dans le cadre de « { $title } » n’est pas arrivé (retard : { $days } ; état : { $status }). Merci de l’envoyer au plus vite.
    
    { $link }
mail-campaign-manual-text =
    { $gender ->
        [female] Madame
        [male] Monsieur
       *[other] Madame, Monsieur
    } { $name },
    
    L’instance émettrice vous rappelle que le rapport de { $body } dans le cadre de « { $title } » n’est pas encore arrivé (échéance : { $due } ; état : { $status }).
    
    { $link }
mail-campaign-escalation-subject = Instances en retard dans « { $title } » : { $count }
mail-campaign-escalation-text =
    { $gender ->
        [female] Madame
        [male] Monsieur
       *[other] Madame, Monsieur
    } { $name },
    
    L’échéance du { $due } est passée dans le cadre de « { $title } » et les rapports de ces instances relevant de { $body } ne sont pas arrivés :
    
    { $bodies }
    
    Merci de les accompagner. Tableau de suivi :
    { $link }
campaign-remind = Relancer les retardataires
campaign-remind-confirm = Envoyer maintenant un rappel au président et au secrétaire de chaque instance qui n’a pas encore fait son rapport ?
campaign-reminded = Les rappels partent vers les instances qui n’ont pas encore fait leur rapport.
home-reports = Rapports à envoyer
body-campaign-issued = Émise par cette instance
campaign-board-xlsx = Télécharger le tableau (Excel)
synthesis-docx = Télécharger pour Word (DOCX)
calendar-deadline = Échéance : { $title }
error-target_has_report = Cette instance a déjà rédigé un rapport pour cette campagne : elle reste parmi les destinataires.
plans-title = Plans d’action
nav-plans = Plans
empty-plans = Aucun plan d’action pour l’instant. Les responsables d’une instance en rédigent un ici.
plan-progress = Avancement
plan-new = Nouveau plan d’action
plan-owner = Instance responsable du plan
plan-create = Créer le plan
plan-done = réalisé
plan-decisions = Décisions mises en œuvre
plan-objectives = Objectifs
empty-objectives = Aucun objectif pour l’instant : ajoutez le premier ci-dessous.
plan-target = Cible
empty-tasks = Aucune tâche pour l’instant.
plan-in-charge = Responsable
plan-from-campaign = avancement de la campagne
plan-update-task = Noter l’avancement
plan-note = Ce qui a été fait
plan-add-task = Ajouter une tâche
plan-weight = Poids
plan-add-objective = Ajouter un objectif
plan-target-value = Valeur cible
plan-unit = Unité
plan-target-date = Date cible
plan-timeline = Historique
task-status-todo = À faire
task-status-in_progress = En cours
task-status-blocked = Bloquée
task-status-done = Faite
plan-update-create = Plan créé
plan-update-add_objective = Objectif ajouté
plan-update-add_task = Tâche ajoutée
plan-update-update_task = Tâche mise à jour
plan-pdf-tasks = Tâches
plan-pdf-progress = Avancement
error-unknown_person = Personne introuvable.
error-unknown_campaign = Campagne introuvable.
error-invalid_id = Identifiant invalide.
campaign-new = Nouvelle campagne
campaign-create = Enregistrer comme brouillon
campaign-draft-help = La campagne est enregistrée comme brouillon : ses destinataires sont figés quand vous la lancez depuis sa page.
campaign-grace-days = Délai de grâce (jours)
campaign-meeting-kind = Réunion que chaque instance doit tenir
campaign-no-meeting = — aucune réunion exigée —
campaign-template = Modèle de rapport
campaign-no-report = — aucun rapport exigé —
campaign-target-kinds = Instances concernées (par type)
campaign-within = Dans
campaign-everywhere = Toute l’organisation
campaign-launch = Lancer la campagne
campaign-launch-confirm = Lancer la campagne ? Ses destinataires sont figés et les rappels programmés.
campaign-close = Clore la campagne
campaign-close-confirm = Clore la campagne ? Plus aucun rapport ne pourra être soumis.

## Evidence: files attached to reports and plan tasks
evidence-title = Pièces jointes
evidence-none = Aucune pièce jointe pour l’instant.
evidence-add = Joindre un fichier
evidence-hint = Feuille de présence, tableau des résultats, photos ou documents : PDF, Word, ODT, image JPEG/PNG ou tableur XLSX/ODS, jusqu’à 20 fichiers.
evidence-remove = Supprimer
evidence-remove-confirm = Supprimer ce fichier ?
evidence-save-first = Enregistrez d’abord le brouillon pour pouvoir joindre des fichiers.
report-event-attach = Fichier joint
report-event-detach = Fichier supprimé
plan-update-add_evidence = Justificatif joint
plan-update-remove_evidence = Justificatif supprimé
error-evidence_type = Type de fichier refusé : PDF, DOCX, ODT, Markdown, image JPEG/PNG ou tableur XLSX/ODS uniquement (vérifié d’après le contenu, pas d’après le nom).
error-too_many_files = Le nombre maximal de pièces jointes (20) est atteint.

## Campaigns as measures asked of a body
measures-asked = Mesures demandées à l’instance
measure-from = Émise par
measure-hold-meeting = Tenir : { $kind }
measure-send-report = Envoyer le rapport
decisions-of-body = Décisions et mesures de l’instance

## Report templates designer
templates-title = Modèles de rapport
templates-new = Nouveau modèle
templates-edit = Modifier le modèle
templates-intro = Un modèle fixe ce que chaque instance remplit dans son rapport : des champs (nombres, choix, tableaux) et des parties rédigées. Une campagne fige la version du modèle à son lancement ; chaque modification crée une nouvelle version sans toucher aux campagnes en cours.
templates-empty = Aucun modèle pour l’instant.
templates-version = Version
templates-parts = Contenu
templates-saved = Enregistré le
templates-fields = { $category ->
    [one] { $count } champ
   *[other] { $count } champs
}
templates-sections = { $category ->
    [one] { $count } partie
   *[other] { $count } parties
}
templates-max-chars = { $category ->
    [one] { $count } caractère au plus
   *[other] { $count } caractères au plus
}
templates-older-version = Ceci est une version antérieure du modèle ; une modification part de la dernière version.
templates-edit-help = Enregistrer crée une nouvelle version du modèle ; les campagnes lancées avec une version antérieure la gardent telle quelle.
templates-fields-title = Champs
templates-no-fields = Ce modèle n’a pas de champ.
templates-label = Intitulé
templates-kind = Type
templates-rules = Règles
templates-required = Obligatoire
templates-sections-title = Parties rédigées
templates-no-sections = Ce modèle n’a pas de partie rédigée.
templates-versions = Versions et campagnes qui les utilisent
templates-unused = utilisée par aucune campagne
templates-name = Nom du modèle
templates-key = Identifiant
templates-key-help = Facultatif : lettres latines minuscules, chiffres, « - » et « _ », par exemple elections-2016. Créé automatiquement s’il est laissé vide.
templates-fields-help = Chaque champ est une réponse courte : nombre, pourcentage, choix, date, oui/non, texte court ou tableau. Un champ sans intitulé n’est pas enregistré.
templates-field = Champ
templates-min = Valeur minimale
templates-max = Valeur maximale
templates-max-len = Nombre maximal de caractères
templates-lines = Choix ou colonnes du tableau
templates-lines-help = Une ligne par choix ou par colonne. Un identifiant peut précéder les deux-points : money: manque de moyens.
templates-help = Aide pour qui remplit le rapport
templates-part-key = Identifiant
templates-order = Ordre
templates-remove = Supprimer
templates-add-field = Ajouter un champ
templates-sections-help = Les parties sont des textes rédigés par l’instance : bilan, leçons, propositions… avec une consigne sur ce qui est attendu.
templates-section = Partie
templates-guidance = Consigne
templates-add-section = Ajouter une partie
templates-create = Créer le modèle
templates-save-version = Enregistrer une nouvelle version
template-kind-integer = Nombre entier
template-kind-decimal = Nombre décimal
template-kind-percentage = Pourcentage
template-kind-choice = Choix unique
template-kind-multiple = Choix multiples
template-kind-date = Date
template-kind-yes_no = Oui / non
template-kind-short_text = Texte court
template-kind-table = Tableau
error-invalid_number = Saisissez un nombre.
error-key_taken = Cet identifiant est déjà celui d’un autre modèle.

## Communiqués (secretariat)
nav-communiques = Communiqués
communiques-title = Communiqués
communiques-intro = Les communiqués de presse des instances : rédigés à partir du procès-verbal d’une réunion ou librement, relus, approuvés par le président ou le secrétaire de l’instance, puis publiés sur le site public.
communiques-empty = Aucun communiqué pour l’instant. Ouvrez une réunion tenue et choisissez « Rédiger un communiqué ».
communiques-public-site = Site public
communique-date = Date
communique-state-draft = Brouillon
communique-state-in_review = En relecture
communique-state-approved = Approuvé
communique-state-scheduled = Publication programmée
communique-state-published = Publié
communique-state-corrected = Publié, corrigé
communique-state-withdrawn = Retiré
communique-draft-title = Projet de communiqué tiré du procès-verbal
communique-draft-help = Texte généré à partir du dossier de la réunion : ordre du jour, décisions et mesures, échéances et campagnes, sessions à venir et leurs ateliers, rencontres thématiques. Chaque phrase renvoie aux éléments dont elle vient. Créez le communiqué, puis retouchez-le avant la relecture.
communique-draft-create = Créer le communiqué et sa traduction française
draft-source-meeting = La réunion
draft-source-agenda = L’ordre du jour
draft-source-decision = Décisions et mesures
draft-source-campaign = La campagne
draft-source-session = La session
draft-source-workshop = L’atelier
draft-source-thematic = La rencontre thématique
draft-source-reports = Les comptes rendus entendus
communique-edit = Modifier le communiqué
communique-correct = Corriger le communiqué
communique-public-page = Page publique
communique-lang = Langue
communique-meeting = Réunion
communique-meeting-link = Dossier de la réunion
communique-published = Publié le
communique-corrected = Corrigé le
communique-withdrawn = Retiré le
communique-tags = Mots-clés
communique-translations = Traductions
communique-action-submit = Envoyer en relecture
communique-action-reject = Renvoyer à la rédaction
communique-action-approve = Approuver
communique-action-publish = Publier maintenant
communique-action-schedule = Programmer
communique-action-unschedule = Annuler la programmation
communique-action-withdraw = Retirer le communiqué
communique-approve-confirm = Approuver ce communiqué au nom de l’instance ?
communique-publish-confirm = Publier ce communiqué sur le site public maintenant ?
communique-withdraw-confirm = Retirer ce communiqué ? Sa page indiquera qu’il a été retiré.
communique-publish-at = Date et heure de publication
communique-withdraw-note = Motif du retrait (public)
communique-history = Historique
communique-text-then = Le texte à ce moment
communique-back = Le communiqué
communique-erratum-help = Ce communiqué est publié : toute modification est enregistrée comme un erratum, affiché au public avec son motif ; le texte précédent reste dans l’historique.
communique-slug = Adresse de la page
communique-text = Texte
communique-text-help = Paragraphes séparés par une ligne vide ; Markdown possible pour les titres et les listes.
communique-erratum-note = Qu’est-ce qui a été corrigé ?
communique-save-erratum = Enregistrer l’erratum
communique-event-create = Créé
communique-event-edit = Modifié
communique-event-before_correction = Texte avant correction
communique-event-correct = Corrigé
communique-event-in_review = Envoyé en relecture
communique-event-draft = Renvoyé à la rédaction
communique-event-approved = Approuvé
communique-event-scheduled = Publication programmée
communique-event-published = Publié
communique-event-withdrawn = Retiré
communique-event-corrected = Corrigé
error-communique_locked = Un communiqué approuvé ne se modifie pas avant sa publication : annulez la programmation ou publiez-le puis corrigez-le.
error-in_the_past = Choisissez une date et une heure à venir.
error-invalid_slug = Adresse de page non valide.

## Public site
public-communiques = Communiqués
public-latest = Derniers communiqués
public-description = Communiqués et prises de position officielles.
public-feed = Flux
public-members = Espace militant
public-empty = Aucun communiqué publié pour l’instant.
public-withdrawn-tag = retiré
public-corrected-tag = corrigé
public-pages = Pages
public-newer = Plus récents
public-older = Plus anciens
public-archive = Archives
public-withdrawn = Ce communiqué a été retiré le
public-corrected = Ce communiqué a été corrigé le

## Public comments
public-comments = { $category ->
    [zero] Aucun commentaire
    [one] { $count } commentaire
   *[other] { $count } commentaires
}
comment-write = Laisser un commentaire
comment-reply = Répondre
comment-earlier = Commentaires précédents
comment-later = Commentaires suivants
comment-closed = Les commentaires sont fermés.
comment-email-private = Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués par *
comment-name = Nom
comment-email = Adresse e-mail
comment-text = Commentaire
comment-leave-empty = Laissez ce champ vide
comment-send = Envoyer le commentaire
comment-sent = Merci. Votre commentaire attend d’être relu avant sa publication.
comment-back = Retour au communiqué
comment-field-name = Nom
comment-field-email = Adresse e-mail
comment-field-text = Commentaire
comment-field-parent_id = Réponse
error-too_fast = Vérifiez votre commentaire puis envoyez-le à nouveau.
error-duplicate_comment = Ce commentaire a déjà été envoyé sous ce communiqué.
error-comments_closed = Les commentaires sont fermés sur ce communiqué.
error-rate_limited = Trop de commentaires en peu de temps. Réessayez dans { $wait }.
moderation-title = Commentaires à relire
moderation-intro = Les commentaires du public sur les communiqués de vos instances ne sont publiés qu’après approbation. Les adresses e-mail ne sont ni gardées ni affichées.
moderation-empty = Aucun commentaire à relire.
moderation-flagged = À surveiller
moderation-approve = Publier la sélection
moderation-reject = Refuser la sélection
moderation-spam = Sélection indésirable
moderation-select-all = Tout sélectionner

## Moderators' notice
mail-comments-count = { $category ->
    [one] { $count } commentaire attend
   *[other] { $count } commentaires attendent
}
mail-comments-subject = { $count } une relecture
mail-comments-text =
    { $name },
    
    { $count } une relecture sous le communiqué « { $title } ».
    
    Pour les relire : { $link }
    
    Les adresses e-mail des auteurs de commentaires ne sont pas conservées.
