<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Inbox</name>
    <message>
        <source>Approve</source>
        <translation>Retenir</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rejeter…</translation>
    </message>
    <message>
        <source>On screen</source>
        <translation>À l&apos;écran</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Address to…</source>
        <translation>Adresser à…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type a question…</source>
        <translation>Saisir une question…</translation>
    </message>
    <message>
        <source>Shortcut: {key}</source>
        <translation>Raccourci : {key}</translation>
    </message>
    <message>
        <source>To moderate ({n})</source>
        <translation>À modérer ({n})</translation>
    </message>
    <message>
        <source>Approved ({n})</source>
        <translation>Retenues ({n})</translation>
    </message>
    <message>
        <source>Answered ({n})</source>
        <translation>Répondues ({n})</translation>
    </message>
    <message>
        <source>Set aside ({n})</source>
        <translation>Écartées ({n})</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Reason (kept in the moderation record):</source>
        <translation>Motif (gardé dans le registre de modération) :</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Modifier la question</translation>
    </message>
    <message>
        <source>The original words are kept in the record:</source>
        <translation>Le texte d&apos;origine est gardé dans le compte rendu :</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Keep this question instead:</source>
        <translation>Garder plutôt cette question :</translation>
    </message>
    <message>
        <source>Later slot: {title}</source>
        <translation>Créneau suivant : {title}</translation>
    </message>
    <message>
        <source>Address to</source>
        <translation>Adresser à</translation>
    </message>
    <message>
        <source>Address the question to:</source>
        <translation>Adresser la question à :</translation>
    </message>
    <message>
        <source>Type a question</source>
        <translation>Saisir une question</translation>
    </message>
    <message>
        <source>A question from a paper card or from the floor:</source>
        <translation>Une question sur carton ou venue de la salle :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Journal: {path}</source>
        <translation>Journal : {path}</translation>
    </message>
    <message>
        <source>Tribune</source>
        <translation>Tribune</translation>
    </message>
    <message>
        <source>RUNDOWN</source>
        <translation>DÉROULÉ</translation>
    </message>
    <message>
        <source>End slot</source>
        <translation>Terminer le créneau</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <source>Extend the selected slot (or the current one) by five minutes</source>
        <translation>Allonger de cinq minutes le créneau choisi (ou le créneau en cours)</translation>
    </message>
    <message>
        <source>−5 min</source>
        <translation>−5 min</translation>
    </message>
    <message>
        <source>Shorten the selected slot (or the current one) by five minutes</source>
        <translation>Raccourcir de cinq minutes le créneau choisi (ou le créneau en cours)</translation>
    </message>
    <message>
        <source>Unplanned slot…</source>
        <translation>Créneau imprévu…</translation>
    </message>
    <message>
        <source>A break or a technical interruption, after the current slot</source>
        <translation>Une pause ou une coupure technique, après le créneau en cours</translation>
    </message>
    <message>
        <source>CURRENT SLOT</source>
        <translation>CRÉNEAU EN COURS</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>SPEAKER</source>
        <translation>INTERVENANT·E</translation>
    </message>
    <message>
        <source>+1 min for the speaker</source>
        <translation>+1 min pour l&apos;intervenant·e</translation>
    </message>
    <message>
        <source>NOTE FOR THE RECORD</source>
        <translation>NOTE POUR LE COMPTE RENDU</translation>
    </message>
    <message>
        <source>Ctrl+N, type, Enter: a quote, an incident, a commitment…</source>
        <translation>Ctrl+N, écrire, Entrée : une citation, un incident, un engagement…</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Écrans</translation>
    </message>
    <message>
        <source>Questions ({n} to moderate)</source>
        <translation>Questions ({n} à modérer)</translation>
    </message>
    <message>
        <source>Next speaker</source>
        <translation>Intervenant·e suivant·e</translation>
    </message>
    <message>
        <source>End turn</source>
        <translation>Fin de l&apos;intervention</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Export the report…</source>
        <translation>Exporter le compte rendu…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>When clocks warn</source>
        <translation>Alertes des chronos</translation>
    </message>
    <message>
        <source>Speakers: time nearly up at…</source>
        <translation>Intervenant·es : alerte à…</translation>
    </message>
    <message>
        <source>This slot: time nearly up at…</source>
        <translation>Ce créneau : alerte à…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Warn speakers with this many minutes left:</source>
        <translation>Alerter les intervenant·es quand il reste (minutes) :</translation>
    </message>
    <message>
        <source>Warn with this many minutes left in “{title}”:</source>
        <translation>Alerter quand il reste (minutes) dans « {title} » :</translation>
    </message>
    <message>
        <source>The console will speak {language} from its next start.</source>
        <translation>La console parlera {language} dès son prochain démarrage.</translation>
    </message>
    <message>
        <source>Where to put the report</source>
        <translation>Où enregistrer le compte rendu</translation>
    </message>
    <message>
        <source>The report could not be written: {error}</source>
        <translation>Le compte rendu n&apos;a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Report written to {folder}</source>
        <translation>Compte rendu enregistré dans {folder}</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>Pause ou reprise</translation>
    </message>
    <message>
        <source>Add a minute to the slot</source>
        <translation>Ajouter une minute au créneau</translation>
    </message>
    <message>
        <source>Take a minute from the slot</source>
        <translation>Retirer une minute au créneau</translation>
    </message>
    <message>
        <source>Start the next slot</source>
        <translation>Lancer le créneau suivant</translation>
    </message>
    <message>
        <source>Write a note for the record</source>
        <translation>Écrire une note pour le compte rendu</translation>
    </message>
    <message>
        <source>Shortcut: N</source>
        <translation>Raccourci : N</translation>
    </message>
    <message>
        <source>Shortcut: Space</source>
        <translation>Raccourci : Espace</translation>
    </message>
    <message>
        <source>Shortcut: Ctrl+Right</source>
        <translation>Raccourci : Ctrl+Droite</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Note saved in the record.</source>
        <translation>Note enregistrée dans le compte rendu.</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Technical interruption</source>
        <translation>Coupure technique</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Unplanned slot</source>
        <translation>Créneau imprévu</translation>
    </message>
    <message>
        <source>What is it?</source>
        <translation>De quoi s&apos;agit-il ?</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Length (minutes):</source>
        <translation>Durée (minutes) :</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>This event&apos;s database already holds its programme: the programme file given was not used. Start a new database with --db to use it.</source>
        <translation>La base de cet évènement contient déjà son programme : le fichier de programme indiqué n&apos;a pas été utilisé. Ouvrez une nouvelle base avec --db pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Start another slot?</source>
        <translation>Lancer un autre créneau ?</translation>
    </message>
    <message>
        <source>“{current}” is running. End it and start “{next}”?</source>
        <translation>« {current} » est en cours. Le terminer et lancer « {next} » ?</translation>
    </message>
    <message>
        <source>Audience: {url}</source>
        <translation>Public : {url}</translation>
    </message>
    <message>
        <source>Show the QR code to open the question page</source>
        <translation>Afficher le QR code de la page des questions</translation>
    </message>
    <message>
        <source>{phones} phones · {displays} displays</source>
        <translation>{phones} téléphones · {displays} écrans</translation>
    </message>
    <message>
        <source>Ask your questions</source>
        <translation>Posez vos questions</translation>
    </message>
    <message>
        <source>The morning is over</source>
        <translation>La matinée est terminée</translation>
    </message>
    <message>
        <source>Start “{title}”</source>
        <translation>Lancer « {title} »</translation>
    </message>
    <message>
        <source>No slot left</source>
        <translation>Plus aucun créneau</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Nobody has the floor</source>
        <translation>Personne n&apos;a la parole</translation>
    </message>
    <message>
        <source>The computer&apos;s clock moved by {seconds:+.0f} s.</source>
        <translation>L&apos;horloge de l&apos;ordinateur a sauté de {seconds:+.0f} s.</translation>
    </message>
    <message>
        <source>The morning has not started</source>
        <translation>La matinée n&apos;a pas commencé</translation>
    </message>
    <message>
        <source>Against the plan: {wall} · since the actual start: {relative}</source>
        <translation>Sur l&apos;horaire : {wall} · depuis le début réel : {relative}</translation>
    </message>
    <message>
        <source>⚠ Time nearly up</source>
        <translation>⚠ Bientôt l&apos;heure</translation>
    </message>
    <message>
        <source>⛔ OVERTIME</source>
        <translation>⛔ DÉPASSEMENT</translation>
    </message>
    <message>
        <source>❚❚ Paused</source>
        <translation>❚❚ En pause</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The database {path} does not exist.</source>
        <translation>La base {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The database {path} is already open in another Tribune console. Close the other console, or open another file with --db.</source>
        <translation>La base {path} est déjà ouverte dans une autre console Tribune. Fermez l&apos;autre console, ou ouvrez un autre fichier avec --db.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written to. Check that the disk is not read-only and that you may write to the file and its folder.</source>
        <translation>Impossible d&apos;écrire dans la base {path}. Vérifiez que le disque n&apos;est pas en lecture seule et que vous avez le droit d&apos;écrire dans le fichier et son dossier.</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be used. It has not been modified: keep a copy, and start a new file with --db.</source>
        <translation>La base {path} est endommagée et inutilisable. Elle n&apos;a pas été modifiée : gardez-en une copie et commencez un nouveau fichier avec --db.</translation>
    </message>
    <message>
        <source>The file {path} is not a Tribune database. It has not been modified; choose another file with --db.</source>
        <translation>Le fichier {path} n&apos;est pas une base Tribune. Il n&apos;a pas été modifié ; choisissez un autre fichier avec --db.</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of Tribune. It has not been modified: update Tribune to open it.</source>
        <translation>La base {path} a été écrite par une version plus récente de Tribune. Elle n&apos;a pas été modifiée : mettez Tribune à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>The disk is full: the last change was NOT saved. Free some space; Tribune keeps everything saved before it.</source>
        <translation>Le disque est plein : la dernière modification n&apos;a PAS été enregistrée. Libérez de la place ; tout ce qui a été enregistré avant est conservé.</translation>
    </message>
    <message>
        <source>The last change could NOT be saved to {path}.</source>
        <translation>La dernière modification n&apos;a PAS pu être enregistrée dans {path}.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Détails : {detail}</translation>
    </message>
    <message>
        <source>No programme is loaded.</source>
        <translation>Aucun programme n&apos;est chargé.</translation>
    </message>
    <message>
        <source>A programme is already loaded for this event.</source>
        <translation>Un programme est déjà chargé pour cet évènement.</translation>
    </message>
    <message>
        <source>There is no such slot.</source>
        <translation>Ce créneau n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no such turn.</source>
        <translation>Cette intervention n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no such question.</source>
        <translation>Cette question n&apos;existe pas.</translation>
    </message>
    <message>
        <source>There is no such person.</source>
        <translation>Cette personne n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The slot “{title}” has already ended.</source>
        <translation>Le créneau « {title} » est déjà terminé.</translation>
    </message>
    <message>
        <source>The slot “{title}” is already running.</source>
        <translation>Le créneau « {title} » est déjà en cours.</translation>
    </message>
    <message>
        <source>No slot is running.</source>
        <translation>Aucun créneau n&apos;est en cours.</translation>
    </message>
    <message>
        <source>Every slot of the programme has been held.</source>
        <translation>Tous les créneaux du programme ont eu lieu.</translation>
    </message>
    <message>
        <source>The slot is paused: resume it first.</source>
        <translation>Le créneau est en pause : reprenez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>The slot is not paused.</source>
        <translation>Le créneau n&apos;est pas en pause.</translation>
    </message>
    <message>
        <source>The time cannot go below zero.</source>
        <translation>Le temps ne peut pas devenir négatif.</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>Une note ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A note is limited to {limit} characters.</source>
        <translation>Une note est limitée à {limit} caractères.</translation>
    </message>
    <message>
        <source>That speaker is not waiting in the queue.</source>
        <translation>Cette personne n&apos;attend pas dans la file.</translation>
    </message>
    <message>
        <source>A turn needs at least one person.</source>
        <translation>Une intervention demande au moins une personne.</translation>
    </message>
    <message>
        <source>A speaker needs a name.</source>
        <translation>Il faut un nom pour l&apos;intervenant·e.</translation>
    </message>
    <message>
        <source>A name is limited to {limit} characters.</source>
        <translation>Un nom est limité à {limit} caractères.</translation>
    </message>
    <message>
        <source>This text is limited to {limit} characters.</source>
        <translation>Ce texte est limité à {limit} caractères.</translation>
    </message>
    <message>
        <source>There is no such place in the queue.</source>
        <translation>Cette place n&apos;existe pas dans la file.</translation>
    </message>
    <message>
        <source>Nobody is waiting to speak.</source>
        <translation>Personne n&apos;attend la parole.</translation>
    </message>
    <message>
        <source>Nobody has the floor.</source>
        <translation>Personne n&apos;a la parole.</translation>
    </message>
    <message>
        <source>The speaker&apos;s clock is already paused.</source>
        <translation>Le chrono de l&apos;intervenant·e est déjà en pause.</translation>
    </message>
    <message>
        <source>The speaker&apos;s clock is not paused.</source>
        <translation>Le chrono de l&apos;intervenant·e n&apos;est pas en pause.</translation>
    </message>
    <message>
        <source>That turn is over.</source>
        <translation>Cette intervention est terminée.</translation>
    </message>
    <message>
        <source>A question needs at least {limit} characters.</source>
        <translation>Une question demande au moins {limit} caractères.</translation>
    </message>
    <message>
        <source>A question is limited to {limit} characters.</source>
        <translation>Une question est limitée à {limit} caractères.</translation>
    </message>
    <message>
        <source>That question cannot be changed that way now.</source>
        <translation>Cette question ne peut pas être modifiée ainsi maintenant.</translation>
    </message>
    <message>
        <source>A question cannot be merged into itself.</source>
        <translation>Une question ne peut pas être fusionnée avec elle-même.</translation>
    </message>
    <message>
        <source>No question is on screen.</source>
        <translation>Aucune question n&apos;est à l&apos;écran.</translation>
    </message>
    <message>
        <source>Only approved questions can be voted for.</source>
        <translation>Seules les questions retenues peuvent recevoir des votes.</translation>
    </message>
    <message>
        <source>The programme file cannot be used.</source>
        <translation>Le fichier de programme est inutilisable.</translation>
    </message>
    <message>
        <source>Field: {key}</source>
        <translation>Champ : {key}</translation>
    </message>
    <message>
        <source>Problem: {problem}</source>
        <translation>Problème : {problem}</translation>
    </message>
</context>
<context>
    <name>ProjectionView</name>
    <message>
        <source>Tribune — projection</source>
        <translation>Tribune — projection</translation>
    </message>
    <message>
        <source>Ask your questions:</source>
        <translation>Posez vos questions :</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>À suivre</translation>
    </message>
    <message>
        <source>Question from the room</source>
        <translation>Question de la salle</translation>
    </message>
</context>
<context>
    <name>QuestionsModel</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <source>To moderate</source>
        <translation>À modérer</translation>
    </message>
    <message>
        <source>✓ Approved</source>
        <translation>✓ Retenue</translation>
    </message>
    <message>
        <source>✗ Rejected</source>
        <translation>✗ Rejetée</translation>
    </message>
    <message>
        <source>▶ On screen</source>
        <translation>▶ À l&apos;écran</translation>
    </message>
    <message>
        <source>✓✓ Answered</source>
        <translation>✓✓ Répondue</translation>
    </message>
    <message>
        <source>⇢ Merged</source>
        <translation>⇢ Regroupée</translation>
    </message>
    <message>
        <source>Original: {text}</source>
        <translation>Texte d&apos;origine : {text}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Motif : {reason}</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Speaker</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Parlé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>▶ Speaking</source>
        <translation>▶ À la parole</translation>
    </message>
    <message>
        <source>✓ Done</source>
        <translation>✓ Terminé</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passé</translation>
    </message>
    <message>
        <source>(from the floor)</source>
        <translation>(depuis la salle)</translation>
    </message>
</context>
<context>
    <name>QueueTools</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Monter (Alt+Haut)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Descendre (Alt+Bas)</translation>
    </message>
    <message>
        <source>Skip the selected speaker</source>
        <translation>Passer l&apos;intervenant·e choisi·e</translation>
    </message>
    <message>
        <source>Take the selected speaker off the list</source>
        <translation>Retirer l&apos;intervenant·e choisi·e de la liste</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>The speaker waits first in line; their time is kept</source>
        <translation>L&apos;intervenant·e repasse en tête de file ; son temps est gardé</translation>
    </message>
    <message>
        <source>Back to queue</source>
        <translation>Remettre en file</translation>
    </message>
    <message>
        <source>Share what is left of the slot among those still to speak</source>
        <translation>Partager le temps restant du créneau entre celles et ceux qui n&apos;ont pas parlé</translation>
    </message>
    <message>
        <source>Share time left</source>
        <translation>Partager le temps restant</translation>
    </message>
    <message>
        <source>Moderators</source>
        <translation>Animation</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <source>In the presence of</source>
        <translation>En présence de</translation>
    </message>
    <message>
        <source>Someone else from the programme</source>
        <translation>Une autre personne du programme</translation>
    </message>
    <message>
        <source>Someone from the floor…</source>
        <translation>Quelqu&apos;un de la salle…</translation>
    </message>
    <message>
        <source>Someone from the floor</source>
        <translation>Quelqu&apos;un de la salle</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Title or organisation (optional):</source>
        <translation>Fonction ou organisation (facultatif) :</translation>
    </message>
    <message>
        <source>Speaking time (minutes):</source>
        <translation>Temps de parole (minutes) :</translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Créneau</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>To come</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>▶ On now</source>
        <translation>▶ En cours</translation>
    </message>
    <message>
        <source>❚❚ Paused</source>
        <translation>❚❚ En pause</translation>
    </message>
    <message>
        <source>✓ Ended</source>
        <translation>✓ Terminé</translation>
    </message>
</context>
<context>
    <name>ScreensPanel</name>
    <message>
        <source>BIG SCREEN</source>
        <translation>GRAND ÉCRAN</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Holding card</source>
        <translation>Carton d&apos;attente</translation>
    </message>
    <message>
        <source>Blackout</source>
        <translation>Noir</translation>
    </message>
    <message>
        <source>MESSAGE TO THE SPEAKER</source>
        <translation>MESSAGE À L&apos;INTERVENANT·E</translation>
    </message>
    <message>
        <source>Please conclude</source>
        <translation>Merci de conclure</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>Clignoter</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>“Please conclude”</source>
        <translation>« Merci de conclure »</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>THIS COMPUTER&apos;S SCREENS</source>
        <translation>ÉCRANS DE CET ORDINATEUR</translation>
    </message>
    <message>
        <source>Open the projection</source>
        <translation>Ouvrir la projection</translation>
    </message>
    <message>
        <source>Open the stage monitor</source>
        <translation>Ouvrir le moniteur de scène</translation>
    </message>
    <message>
        <source>DISPLAYS ON THE NETWORK</source>
        <translation>ÉCRANS SUR LE RÉSEAU</translation>
    </message>
    <message>
        <source>Shows</source>
        <translation>Affiche</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu il y a</translation>
    </message>
    <message>
        <source>Screen {n}: {name}</source>
        <translation>Écran {n} : {name}</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projection</translation>
    </message>
    <message>
        <source>Stage monitor</source>
        <translation>Moniteur de scène</translation>
    </message>
    <message>
        <source>Lower third</source>
        <translation>Bandeau (synthé)</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Écran</translation>
    </message>
    <message>
        <source>{seconds} s ago</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>⚠ No news from: {displays}</source>
        <translation>⚠ Sans nouvelles de : {displays}</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>Tribune — stage monitor</source>
        <translation>Tribune — moniteur de scène</translation>
    </message>
    <message>
        <source>TIME NEARLY UP</source>
        <translation>BIENTÔT L&apos;HEURE</translation>
    </message>
    <message>
        <source>OVERTIME</source>
        <translation>DÉPASSEMENT</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSE</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>The audience page could not start on port {port}: {error}</source>
        <translation>La page du public n&apos;a pas pu démarrer sur le port {port} : {error}</translation>
    </message>
</context>
</TS>
