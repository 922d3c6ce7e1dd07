# Le parole dei referti (testo, Markdown, scheda HTML, testi del JSON, intestazione del
# batch) e del riepilogo a fine intervista, in italiano. Tradurre solo il testo a destra
# di `=`, lasciando invariati gli identificativi, le `{ $variabili }` e gli id tra `[ ]`.

## Esiti, pigmenti, evidenze, gravità

report-verdict-suitable = IDONEO
report-verdict-caution = CAUTELA
report-verdict-refer = INVIO AL MEDICO
report-verdict-unsuitable = NON IDONEO

report-verdict-word-suitable = idoneo
report-verdict-word-caution = cautela
report-verdict-word-refer = invio al medico
report-verdict-word-unsuitable = non idoneo

report-meaning-patient-suitable = Nelle Sue risposte non c'è nulla che sconsigli la SMP. Prima di qualsiasi trattamento un operatore deve comunque esaminare il Suo cuoio capelluto.
report-meaning-patient-suitable-so-far = Nelle risposte date non c'è nulla che sconsigli la SMP, ma le domande ancora aperte potrebbero cambiarlo. Prima di qualsiasi trattamento un operatore deve comunque esaminare il Suo cuoio capelluto.
report-meaning-patient-caution = La SMP potrebbe essere adatta a Lei, ma solo tenendo conto delle condizioni indicate qui sotto.
report-meaning-patient-refer = Prima consulti un medico: qualcosa nelle Sue risposte richiede il parere di un medico prima di qualsiasi SMP.
report-meaning-patient-unsuitable = Per ora la SMP non è consigliata.
report-meaning-consultant-suitable = Nessuna controindicazione né cautela rilevata dallo screening.
report-meaning-consultant-suitable-so-far = Nessuna controindicazione né cautela nelle risposte date; le domande ancora aperte potrebbero modificare l'esito.
report-meaning-consultant-caution = Candidato con riserva: gestire rischi e indicazioni prima del trattamento.
report-meaning-consultant-refer = Necessario il nulla osta medico prima del trattamento.
report-meaning-consultant-unsuitable = Al momento non è candidabile.

report-ink-heading = Pigmento
report-ink-heading-so-far = Pigmento per ora
report-ink-heading-refer-patient = Pigmento, se il medico è d'accordo
report-ink-heading-refer-consultant = Pigmento (previo nulla osta medico)

report-ink-patient-temporary = pigmento che sbiadisce nel tempo ("temporaneo")
report-ink-patient-permanent = pigmento permanente
report-ink-patient-either = pigmento che sbiadisce oppure permanente, a scelta
report-ink-patient-none = nessuno per ora
report-ink-consultant-temporary = pigmento riassorbibile (semipermanente)
report-ink-consultant-permanent = pigmento permanente
report-ink-consultant-either = pigmento riassorbibile o permanente
report-ink-consultant-none = nessuno (al momento non candidabile)

# Valgono per entrambe le voci (paziente e consulente).
report-ink-short-temporary = temporaneo
report-ink-short-permanent = permanente
report-ink-short-either = indifferente
report-ink-short-none = nessuno

report-ink-note-patient-either = Nelle Sue risposte nulla indica un pigmento piuttosto dell'altro. Il pigmento che sbiadisce va rifatto ogni anno o ogni pochi anni e può lasciare una traccia leggera; quello permanente sbiadisce lentamente ma non scompare da solo.
report-ink-note-consultant-either = Nessuna regola vincola la scelta del pigmento; decidere con il paziente.

report-effect-forbid-permanent = esclude il pigmento permanente
report-effect-forbid-temporary = esclude il pigmento che sbiadisce
report-effect-prefer-temporary = orienta verso il pigmento che sbiadisce
report-effect-prefer-permanent = orienta verso il pigmento permanente
report-effect-short-forbid-permanent = esclude il permanente
report-effect-short-forbid-temporary = esclude il temporaneo
report-effect-short-prefer-temporary = preferisce il temporaneo
report-effect-short-prefer-permanent = preferisce il permanente
report-effect-short-unknown = incide sul pigmento
report-effect-tag-forbid-permanent = vieta permanente
report-effect-tag-forbid-temporary = vieta riassorbibile
report-effect-tag-prefer-temporary = preferisce riassorbibile
report-effect-tag-prefer-permanent = preferisce permanente

report-evidence-patient-clinical = gli studi lo dimostrano
report-evidence-patient-practitioner = le cliniche lo riferiscono
report-evidence-patient-marketing = lo afferma solo la pubblicità
report-evidence-patient-inference = ragionato, non ancora studiato
report-evidence-consultant-clinical = letteratura clinica
report-evidence-consultant-practitioner = esperienza dei professionisti
report-evidence-consultant-marketing = affermazione commerciale
report-evidence-consultant-inference = inferenza, non studiata

report-severity-high = ALTO
report-severity-medium = MEDIO
report-severity-low = BASSO
report-severity-word-high = alto
report-severity-word-medium = medio
report-severity-word-low = basso

report-review-draft = non ancora revisionato da un medico
report-review-reviewed = revisionato da { $by } in data { $date }
report-review-changed = modificato dopo la revisione (in data { $date }), quindi nella forma attuale non ancora revisionato da un medico
report-review-overdue = attenzione: la revisione clinica del regolamento { $id } { $version } era prevista entro: { $date }

## Date e attese

# Le frasi mettono la data dopo "in data" o "dal giorno", mai dopo un articolo: così
# non serve l'elisione ("dell'8").

report-date =
    { $day ->
        [1] 1º
       *[other] { $day }
    } { $month } { $year }
report-month-1 = gennaio
report-month-2 = febbraio
report-month-3 = marzo
report-month-4 = aprile
report-month-5 = maggio
report-month-6 = giugno
report-month-7 = luglio
report-month-8 = agosto
report-month-9 = settembre
report-month-10 = ottobre
report-month-11 = novembre
report-month-12 = dicembre

report-wait-months =
    { $count ->
        [one] { $count } mese
       *[other] { $count } mesi
    }
report-wait-weeks =
    { $count ->
        [one] { $count } settimana
       *[other] { $count } settimane
    }
report-recheck = Ripetere lo screening dal giorno { $date } (tra { $wait }).
report-rules = Regole: { $rules }.
report-rules-lower = regole: { $rules }

## L'intestazione dell'esito

report-range = da { $from } a { $to }
report-headline-range =
    Non completo: { $range }, a seconda di { $count ->
        [one] { $count } domanda senza risposta
       *[other] { $count } domande senza risposta
    }
report-headline-ink =
    Non completo: { $range }, pigmento { $ink } o { $worst_ink }, a seconda di { $count ->
        [one] { $count } domanda senza risposta
       *[other] { $count } domande senza risposta
    }
report-headline-same =
    Non completo: { $range } qualunque siano le risposte, ma { $count ->
        [one] { $count } domanda senza risposta potrebbe
       *[other] { $count } domande senza risposta potrebbero
    } ancora aggiungere rischi o indicazioni

## Che cosa potrebbe ancora cambiare un esito non completo

report-list-and = { $rest } e { $last }
report-list-or = { $rest } o { $last }
report-pending-consultant-verdict = [{ $rule }] { $title }: darebbe { $verdict }; dipende da { $questions }
report-pending-consultant-ink = [{ $rule }] { $title }: darebbe pigmento { $ink }; dipende da { $questions }
report-pending-consultant-both = [{ $rule }] { $title }: darebbe { $verdict }, pigmento { $ink }; dipende da { $questions }
report-pending-patient-verdict = { $title }: potrebbe portare l'esito a { $verdict }. Dipende dalla Sua risposta su { $questions }.
report-pending-patient-ink = { $title }: potrebbe cambiare il pigmento in { $ink }. Dipende dalla Sua risposta su { $questions }.
report-pending-patient-both = { $title }: potrebbe portare l'esito a { $verdict } con { $ink }. Dipende dalla Sua risposta su { $questions }.
report-physician-consultant = Prima una visita medica se la risposta su { $questions } lo richiede: potrebbe servire il nulla osta medico, quindi non trattare finché non è nota.
report-physician-patient = Prima consulti un medico se la Sua risposta su { $questions } ne dà motivo. Finché non lo sa, non proceda.
report-still-change = Che cosa potrebbe ancora cambiarlo
report-undecided-harmless = Alcune domande senza risposta lasciano indecise alcune regole, ma nessuna di esse cambierebbe l'esito o il pigmento.
report-unanswered = Senza risposta: { $questions }
report-more = e altri { $count }
report-more-see = e altri { $count } (vedere --explain o l'output JSON)

## Che cosa cambierebbe l'esito

report-what-if-change = { $question } fosse "{ $answer }"
report-what-if-and = { $first } e { $next }
report-what-if-ink = pigmento { $from } → { $to }
report-what-if = Se { $changes }: { $outcome }
report-what-if-better = Che cosa cambierebbe l'esito
report-what-if-worse = Che cosa lo peggiorerebbe

## Titoli e frasi comuni ai formati

report-text-title = Screening SMP · { $title } { $version }
report-title = Screening SMP: { $headline }
report-so-far = Per ora: { $meaning }
report-verdict-heading = Esito
report-verdict-so-far-heading = Esito per ora
report-not-complete-at-worst = non completo; nel caso peggiore { $worst }
report-why = Perché
report-because = Perché
report-reasons-above = e per i motivi indicati sopra.
report-ink-conflict-consultant = Conflitto sul pigmento: le regole attivate escludono entrambi i pigmenti; l'esito è stato elevato a invio al medico.
report-ink-conflict-patient = Le Sue risposte escludono entrambi i tipi di pigmento, quindi prima deve decidere un medico.
report-no-ink = Nessun pigmento è consigliato finché la SMP non è consigliabile.
report-risks = Rischi
report-risks-serious-first = Rischi, dai più seri
report-advice = Indicazioni
report-advice-now = Che cosa fare ora
report-advice-later = Se in seguito la SMP diventa possibile
report-what-to-do = Che cosa fare
report-advice-first = prima di tutto
report-rules-fired = Regole attivate
report-source = Fonte: { $source }
report-evidence = Evidenza: { $evidence }
report-rationale = Motivazione: { $rationale }
report-undecided-heading = Regole indecise (domande senza risposta)
report-undecided-rules = Regole indecise
report-undecided-line = [{ $rule }] { $title }{ $verdict }; dipende da: { $questions }
report-undecided-line-md = { $rule } { $title }: dipende da { $questions }
report-ignored-consultant = Risposte non usate (la domanda non era pertinente): { $questions }
report-ignored-patient = Alcune risposte non sono servite, perché le domande non La riguardavano: { $questions }.
report-text-footer = Regolamento { $id } { $version } (sha256 { $sha }…), { $review }
report-md-footer = Regolamento { $id } { $version } (sha256 { $sha }), { $review }; { $tool } { $tool_version }.
report-html-footer = Regolamento { $id } { $version } (sha256 { $sha }), { $review }, prossima revisione entro: { $due }; { $tool } { $tool_version }.
report-reference = Riferimento
report-reprinted = Ristampato dalla registrazione del { $made }, con l'esito registrato allora.

## COME e PERCHÉ (con --explain)

report-how = Come si è arrivati all'esito
report-how-verdict-none = Esito { $verdict }: nessuna regola lo ha elevato.
report-how-verdict = Esito { $verdict }, dato da { $rules }
report-how-from = { $verdict } da { $rule }
report-how-overrides = ; prevale su { $list }
report-how-ink = Pigmento: { $ink }
report-how-because-of = , a causa di { $list }
report-state-fired = attivata
report-state-possible = possibile
report-how-undecided-consultant = Regole indecise, e che cosa le deciderebbe:
report-how-undecided-patient = Non ancora deciso, perché mancano alcune risposte:
report-why-asked = Perché è stata posta ogni domanda
report-read-by = Letta da: { $rules }.

## Tabelle

report-col-severity = Gravità
report-col-risk = Rischio
report-col-detail = Dettaglio
report-col-rules = Regole
report-col-meaning = Che cosa significa
report-col-rule = Regola
report-col-verdict = Esito
report-col-rationale = Motivazione
report-col-source = Fonte
report-col-evidence = Evidenza
report-col-question = Domanda
report-col-answer = Risposta
report-answers-given = Risposte date
report-your-answers = Le Sue risposte
report-not-used-long = (non usata: la domanda non era pertinente)
report-not-used = (non usata)

## La scheda HTML

report-html-heading = Micropigmentazione del cuoio capelluto: esito dello screening
report-html-screened = Screening eseguito in data { $date } con { $title } (versione { $version }, { $review }). Un aiuto allo screening, non una diagnosi.
report-html-rules-behind = Le regole alla base di questo esito
report-html-please-note = Da tenere presente
report-html-name = Nome
report-html-birth = Data di nascita
report-html-by-hand = Nome e data di nascita si scrivono qui a mano; smp-screen non li memorizza.
report-html-signature = Firma del consulente
report-html-date = Data
report-html-capitals = Nome in stampatello

## Il riepilogo a fine intervista

report-summary-heading = Il Suo esito, in breve
report-summary-verdict = Esito: { $verdict }
report-summary-missing-refer = Mancano risposte che decidono l'esito, che quindi potrebbe ancora essere { $verdict }. Non proceda finché non avrà risposto; potrebbe essere necessario prima farsi visitare da un medico.
report-summary-missing = Mancano risposte che decidono l'esito, che quindi potrebbe ancora essere { $verdict }. Non proceda finché non avrà risposto.
report-summary-reasons = Motivi principali:
report-summary-more-reasons = e altri { $count } nel referto completo
report-summary-first-steps = Le prime cose da fare:
report-summary-more-advice =
    { $count ->
        [one] ancora { $count } indicazione nel referto completo
       *[other] ancora { $count } indicazioni nel referto completo
    }
