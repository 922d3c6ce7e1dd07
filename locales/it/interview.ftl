# Le parole dell'intervista (disegnata nel terminale o posta come righe numerate).
# Si dà del Lei alla persona. I tasti nominati nel testo (Invio, Esc, Spazio, ?, <, q, r,
# y, L, Ctrl-U, le frecce) sono quelli che l'intervista legge: non cambiarli.

## La prima schermata

interview-title = Screening per la SMP
interview-rulebook-line = { $title } { $version } ({ $review })
interview-review-draft = non ancora rivisto da un medico
interview-review-reviewed = rivisto da { $by } il { $on }
interview-review-changed = modificato dopo la revisione del { $on }, quindi nella forma attuale non ancora rivisto da un medico
interview-intro-draft = Nulla di ciò che scrive viene inviato altrove. Le Sue risposte vengono conservate man mano in un file di bozza su questo computer, così non si perde nulla se la finestra si chiude. Può tornare indietro a ogni domanda, rispondere «Non lo so» e rivedere tutto prima del risultato. Con Esc può uscire in qualsiasi momento (Le verrà chiesto prima).
interview-intro-nodraft = Nulla di ciò che scrive viene inviato altrove o conservato; alla fine, se lo desidera, può salvare il risultato in un file. Può tornare indietro a ogni domanda, rispondere «Non lo so» e rivedere tutto prima del risultato. Con Esc può uscire in qualsiasi momento (Le verrà chiesto prima).
interview-plain-intro = Modalità semplice: ogni domanda è un elenco numerato. Scriva il numero della Sua risposta e prema Invio; ? significa «Non lo so», < torna indietro, r mostra le risposte date finora, q esce.
interview-start-question = Questo è uno strumento di screening, non un parere medico. Vuole iniziare?
interview-start-yes = Sì, iniziare
interview-start-no = No, uscire
interview-language-entry = Language · Lingua · Idioma: { $language } (L)
interview-language-question = Scelga la lingua dell'intervista:
interview-language-hint = L cambia la lingua · Language · Idioma
interview-plain-language = Scriva L e prema Invio per cambiare la lingua (Language, Idioma).
interview-language-current = { $language } (in uso)

## Avanzamento e domanda

interview-progress = Domanda { $number } di circa { $estimate }
interview-progress-section = Domanda { $number } di circa { $estimate } · { $section }
interview-changing = Modifica della risposta: { $question }
interview-read-by = Regole che leggono questa domanda: { $rules }
interview-dont-know = Non lo so
interview-yes = Sì
interview-no = No
interview-back = Torna alla domanda precedente
interview-more-above = ↑ altro sopra
interview-more-below = ↓ altro sotto

## Che cosa deve essere una risposta numerica

interview-number-range =
    { $whole ->
        [yes] un numero intero da { $min } a { $max }
       *[other] un numero da { $min } a { $max }
    }
interview-number-range-unit =
    { $whole ->
        [yes] un numero intero di { $unit } da { $min } a { $max }
       *[other] un numero di { $unit } da { $min } a { $max }
    }
interview-number-min =
    { $whole ->
        [yes] un numero intero non inferiore a { $min }
       *[other] un numero non inferiore a { $min }
    }
interview-number-min-unit =
    { $whole ->
        [yes] un numero intero di { $unit } non inferiore a { $min }
       *[other] un numero di { $unit } non inferiore a { $min }
    }
interview-number-max =
    { $whole ->
        [yes] un numero intero non superiore a { $max }
       *[other] un numero non superiore a { $max }
    }
interview-number-max-unit =
    { $whole ->
        [yes] un numero intero di { $unit } non superiore a { $max }
       *[other] un numero di { $unit } non superiore a { $max }
    }
interview-number-any =
    { $whole ->
        [yes] un numero intero
       *[other] un numero
    }
interview-number-any-unit =
    { $whole ->
        [yes] un numero intero di { $unit }
       *[other] un numero di { $unit }
    }

## Tasti (intervista disegnata)

interview-keys-choose = ↑/↓ sposta · Invio sceglie · Esc esce
interview-keys-single = ↓/↑ sposta · Invio sceglie · ? non lo so · < indietro · Esc esce
interview-keys-multiple = ↓/↑ sposta · Spazio spunta [x] · Invio conferma le spunte · ? non lo so · < indietro · Esc esce
interview-keys-number = scriva un numero, Invio conferma · ? non lo so · Backspace cancella · Ctrl-U svuota · Esc esce
interview-keys-number-back = scriva un numero, Invio conferma · ? non lo so · < indietro · Backspace cancella · Ctrl-U svuota · Esc esce
interview-keys-line = Backspace cancella · Ctrl-U svuota · Esc annulla
interview-keys-leave = s o y esce · n o Invio torna alla domanda
interview-keys-language = ↑/↓ sposta · Invio sceglie · Esc torna indietro

## Quando un tasto o una risposta non fa ciò che si intendeva

interview-not-an-answer = Questa è un'azione, non una risposta: prema Invio per sceglierla.
interview-move-first = Prima si sposti su una risposta con ↓, poi prema Spazio per spuntarla.
interview-nothing-ticked-keys = Non ha ancora spuntato nulla: si sposti con ↓ e prema Spazio su ogni risposta che La riguarda, poi Invio; oppure scelga «{ $dontknow }».
interview-nothing-chosen = Non ha ancora scelto una risposta: si sposti su una con ↓ e prema Invio.
interview-first-question = Questa è la prima domanda: non c'è nulla a cui tornare.
interview-earlier-answer = Risposta data prima: { $answer } (Invio la conserva)
interview-type-a-number = Prima scriva un numero, oppure ? per «Non lo so».
interview-too-long = Una risposta qui non può essere più lunga di così.
interview-too-small = Terminale troppo piccolo: lo allarghi ad almeno { $columns } colonne per { $rows } righe per continuare.
interview-nothing-ticked = Non ha ancora spuntato nulla: spunti ogni risposta che La riguarda, oppure scelga «{ $dontknow }».
interview-exclusive-combined = «{ $option }» non può essere scelta insieme ad altre risposte.
interview-tick-one = Spunti almeno una risposta, oppure «{ $option }».
interview-please-enter = Scriva { $expected }.

## Uscire

interview-leave = Vuole uscire?
interview-leave-lost = Vuole uscire? Le Sue risposte andranno perse.
interview-leave-draft = Vuole uscire? Le risposte date finora restano nella bozza { $draft }; potrà continuare più tardi con --resume.
interview-left-draft = Intervista interrotta. Le risposte date finora sono nella bozza { $draft }; per continuare: smp-screen --resume { $draft }
interview-cancelled = Intervista annullata; non è stato salvato nulla.
interview-stopped = Intervista interrotta da un segnale.

## Il riepilogo delle risposte e la proposta di fermarsi prima

interview-review-title = Riveda le Sue risposte. Ne scelga una per cambiarla, oppure confermi per vedere il risultato.
interview-review-confirm = Tutto corretto: mostra il risultato
interview-review-back = Torna all'ultima domanda
interview-review-leave = Esci senza risultato
interview-stop-title = Per ora la SMP non è consigliabile, qualunque siano le risposte che mancano:
interview-stop-here = Fermarsi qui e vedere il risultato
interview-stop-continue = Continuare, per avere un quadro completo di rischi e consigli

## Modalità semplice (righe numerate, risposte scritte)

interview-plain-pick = Scriva un numero e prema Invio:
interview-plain-chose = Scelto: { $answer }
interview-plain-from-one = Scriva un numero da 1 a { $count }.
interview-plain-from-zero = Scriva un numero da 0 a { $count }.
interview-plain-leave = { $question } Scriva s per uscire, oppure prema Invio per continuare:
interview-plain-yes-words = s si sì y yes
interview-plain-no-answers = Nessuna risposta finora.
interview-plain-answers-so-far = Le Sue risposte finora:
interview-plain-earlier = Risposta data prima: { $answer }. Prema Invio per conservarla.
interview-plain-type-multiple = Scriva i numeri di tutte le risposte che La riguardano (da 1 a { $count }), separati da spazi o virgole; ? per «{ $dontknow }», < per tornare indietro, r per rivedere, q per uscire:
interview-plain-type-single = Scriva il numero della Sua risposta (da 1 a { $count }); ? per «{ $dontknow }», < per tornare indietro, r per rivedere, q per uscire:
interview-plain-type-number = Scriva { $expected }; ? per «{ $dontknow }», < per tornare indietro, r per rivedere, q per uscire:
interview-plain-nothing-typed = Non ha scritto nulla.
interview-plain-the-choices = Le risposte possibili sono:
interview-plain-not-a-choice = «{ $typed }» non è una delle risposte possibili: scriva un numero da 1 a { $count }.
interview-plain-one-number = Scriva un solo numero da 1 a { $count }.
interview-plain-review = Riveda le Sue risposte.
interview-plain-review-ask = Scriva 0 per vedere il risultato, un numero da 1 a { $count } per cambiare quella risposta, < per tornare all'ultima domanda, q per uscire:
interview-plain-what-now = E ora?
interview-plain-line = { $title } (Invio per { $default }, q per rinunciare):

## L'editor di riga dell'intervista disegnata

interview-line-default = Prema Invio per: { $default }

## Continuare da una bozza

interview-resume-kept =
    { $count ->
        [one] Si riprende un'intervista: conservata { $count } risposta.
       *[other] Si riprende un'intervista: conservate { $count } risposte.
    }
interview-resume-answer = Conservata: { $question }: { $answer }
interview-resume-dropped = Non più chiesta, quindi tolta: { $question }.
interview-resume-changed = Il regolamento è cambiato da quando questa bozza è stata salvata (era la versione { $was }, ora è la { $now }): le risposte ancora valide sono conservate, le altre vengono chieste di nuovo.
interview-resume-no-longer = Non più valida, quindi chiesta di nuovo o tolta: { $question } ({ $problem }).
interview-resume-an-answer = una risposta
interview-draft-failed = Attenzione: non è stato possibile conservare la bozza: { $error }
interview-draft-remains = La bozza { $draft } contiene ancora le Sue risposte; la elimini quando non Le serve più.

## La fine: il resoconto e il salvataggio

interview-more-paged = Prema Invio per leggere il resoconto completo (q lo chiude).
interview-more-follows = Segue il resoconto completo.
interview-more-stdout = Il resoconto completo viene scritto sull'output standard.
interview-saved-handout = Scheda salvata in { $file }
interview-saved-record = Registrazione salvata in { $file }
interview-save-patient = Vuole salvare questo risultato in un file? Il file resta su questo computer; nulla viene inviato altrove.
interview-save-consultant = Salvare questo risultato? I file restano su questo computer; nulla viene inviato altrove.
interview-save-none = No, finire
interview-save-handout = Salvare la scheda: una pagina da stampare con il risultato, i motivi e i consigli
interview-save-record = Salvare la registrazione: le risposte e il risultato in JSON, per l'archivio della clinica
interview-save-both = Salvare entrambe
interview-save-handout-name = Nome del file per la scheda
interview-save-record-name = Nome del file per la registrazione
interview-saved-handout-said = Scheda salvata in { $file }. Contiene le Sue risposte a parole, il risultato e i consigli; nulla che La identifichi.
interview-saved-record-said = Registrazione salvata in { $file }. Contiene le risposte, il risultato, la versione del regolamento e l'ora; nulla che La identifichi.
interview-save-failed = { $error } Scriva un altro nome.
interview-save-exists = { $file } esiste già e non viene mai sostituito: scriva un altro nome.

## Errori che fermano l'intervista prima che inizi (sullo standard error)

interview-error-too-small =
    errore: questo terminale è di { $columns } colonne per { $rows } righe, troppo piccolo per disegnare l'intervista (servono almeno { $min_columns } per { $min_rows }).
    Allarghi la finestra, oppure risponda a righe numerate con: smp-screen --plain
interview-error-draft-exists =
    errore: esiste già la bozza di un'intervista non finita in { $draft }.
    Per continuarla: smp-screen --resume { $draft }
    oppure la elimini prima, per ricominciare.
