# Spiegazioni: condizioni a parole, COME si è arrivati al risultato, PERCHÉ si pone una
# domanda e COSA cambierebbe il risultato. Testo di origine: locales/en/explain.ftl.

## Risposte a parole

explain-yes = sì
explain-no = no
explain-answer-yes = Sì
explain-answer-no = No
explain-dont-know = Non lo so

## Intervalli numerici

explain-range-from-to = da { $low } a { $high }
explain-range-from-to-under = da { $low } a meno di { $high }
explain-range-above-to = oltre { $low } e fino a { $high }
explain-range-above-to-under = oltre { $low } e meno di { $high }
explain-range-at-least = almeno { $low }
explain-range-above = oltre { $low }
explain-range-at-most = al massimo { $high }
explain-range-under = meno di { $high }
explain-range-any = qualsiasi numero

## Condizioni a parole

explain-quoted = "{ $text }"
explain-cond-always = sempre
explain-cond-and = { $left } e { $right }
explain-cond-or = { $left } oppure { $right }
explain-cond-at-least = almeno { $count } tra ({ $conditions })
explain-cond-not = non { $condition }
explain-cond-not-fact = escluso: { $fact }
explain-cond-score = { $score }: { $range }
explain-test-answered = { $question }: con risposta
explain-test-not-answered = { $question }: senza risposta
explain-test-choice = { $question }: { $option }
explain-test-choice-one-of = { $question }: una tra { $options }
explain-test-not-choice = { $question }: risposta diversa da { $option }
explain-test-not-choice-one-of = { $question }: nessuna tra { $options }
explain-test-anything-but = { $question }: qualsiasi risposta tranne { $option }
explain-test-anything-but-one-of = { $question }: qualsiasi risposta tranne { $options }
explain-test-includes = { $question }: comprende { $option }
explain-test-includes-one-of = { $question }: comprende almeno una tra { $options }
explain-test-includes-none = { $question }: non comprende nessuna tra { $options }
explain-test-yes = { $question }: sì
explain-test-no = { $question }: no
explain-test-not-yes = { $question }: risposta diversa da sì
explain-test-not-no = { $question }: risposta diversa da no
explain-test-number = { $question }: { $range }
explain-test-not-number = { $question }: non { $range }

## COME: una condizione verificata sulle risposte

explain-trace-always = sempre
explain-trace-all = tutte le seguenti:
explain-trace-any = almeno una delle seguenti:
explain-trace-not = non vale:
explain-trace-at-least =
    { $unknown ->
        [0] minimo richiesto: { $needed } su { $total }; { $held } su { $total } { $held ->
                [one] soddisfatta
               *[other] soddisfatte
            }:
       *[other] minimo richiesto: { $needed } su { $total }; { $held } su { $total } { $held ->
                [one] soddisfatta
               *[other] soddisfatte
            }, { $unknown } { $unknown ->
                [one] non nota
               *[other] non note
            }:
    }
explain-trace-fact = fatto derivato `{ $fact }`: { $description }
explain-trace-derived = derivato da [{ $rule }] { $title }: { $condition }
explain-trace-because = perché { $condition }
explain-trace-test-consultant = { $question } = { $saw }, richiesto { $needed }
explain-trace-test-patient = { $question }: { $saw } (serve: { $needed })
explain-trace-score = { $score } = { $saw }, richiesto { $needed }
explain-trace-option = "{ $text }"
explain-saw-not-asked = non chiesta (non pertinente)
explain-saw-not-answered = senza risposta
explain-saw-dont-know = non lo so
explain-saw-between = tra { $low } e { $high } per ora
explain-needed-any-answer = una risposta qualsiasi
explain-needed-one-of = una tra { $options }
explain-needed-any-of = almeno una tra { $options }


## replay: un record salvato rielaborato, e che cosa è cambiato

explain-replay-made = Record creato il { $when } da { $tool } { $version }.
explain-replay-made-labelled = Record creato il { $when } da { $tool } { $version }, con etichetta "{ $label }".
explain-replay-same-rulebook = Regolamento: lo stesso del record, { $rulebook }.
explain-replay-rulebook-changed = Il regolamento è cambiato.
explain-replay-recorded-with = Registrato con { $recorded }, rielaborato ora con { $now }.
explain-replay-same-version = La versione è la stessa: è stato modificato senza un nuovo numero di versione.
explain-replay-dropped = Risposta non più accettata, ora senza risposta: { $answer }
explain-replay-unchanged = Risultato invariato: { $verdict }, pigmento { $ink }; stessi rischi e consigli.
explain-replay-changed = Risultato cambiato:
explain-replay-change = { $name }: { $before } -> { $after }
explain-replay-no-change = { $name }: { $now } (invariato)
explain-replay-name-verdict = Esito
explain-replay-name-ink = Pigmento
explain-replay-name-status = Stato
explain-replay-name-worst-case = Caso peggiore
explain-replay-name-worst-case-ink = Pigmento nel caso peggiore
explain-replay-value =
    { $value ->
        [suitable] idoneo
        [caution] idoneo con riserva
        [refer] invio al medico
        [unsuitable] non idoneo
        [temporary] riassorbibile
        [permanent] permanente
        [either] riassorbibile o permanente
        [none] nessuno
        [complete] completo
        [provisional] provvisorio
       *[other] { $value }
    }
explain-replay-verdict-label =
    { $value ->
        [suitable] IDONEO
        [caution] CAUTELA
        [refer] INVIO AL MEDICO
        [unsuitable] NON IDONEO
       *[other] { $value }
    }
explain-replay-pending-added = Ora in sospeso, e può cambiare il risultato: { $rule } ({ $title })
explain-replay-pending-removed = Non più in sospeso: { $rule }
explain-replay-risk-added = Rischio aggiunto: { $id } ({ $title })
explain-replay-risk-removed = Rischio rimosso: { $id } ({ $title })
explain-replay-advice-added = Consiglio aggiunto: { $id } ({ $title })
explain-replay-advice-removed = Consiglio rimosso: { $id } ({ $title })

## replay di un archivio

explain-archive-unreadable = { $record }: non si può rielaborare: { $reason }
explain-archive-change = { $name } { $before } -> { $after }
explain-archive-name-verdict = esito
explain-archive-name-ink = pigmento
explain-archive-name-status = stato
explain-archive-name-worst-case = caso peggiore
explain-archive-name-worst-case-ink = pigmento nel caso peggiore
explain-archive-ids = { $name } { $ids }
explain-archive-name-pending = in sospeso
explain-archive-name-risks = rischi
explain-archive-name-advice = consigli
explain-archive-dropped = risposte non più accettate: { $answers }
explain-archive-summary =
    { $total ->
        [one] Rielaborato { $total } record con { $rulebook } { $version }. Risultato cambiato: { $changed }; invariato: { $unchanged }; illeggibili: { $unreadable }.
       *[other] Rielaborati { $total } record con { $rulebook } { $version }. Risultato cambiato: { $changed }; invariato: { $unchanged }; illeggibili: { $unreadable }.
    }
explain-archive-by-kind = Cambiamenti per tipo: { $kinds }
explain-archive-kind-verdict = esito
explain-archive-kind-ink = pigmento
explain-archive-kind-status = stato (completo/provvisorio)
explain-archive-kind-worst-case = caso peggiore
explain-archive-kind-pending = motivi in sospeso
explain-archive-kind-risks = rischi
explain-archive-kind-advice = consigli
explain-archive-kind-answers = risposte non più accettate
