# Il regolamento in stampa (`smp-screen rules print`): un modulo di raccolta dati da
# compilare a mano e una tabella delle regole per la revisione clinica.
# Testo di origine: locales/en/print.ftl.

## Il modulo

print-title = { $title }: modulo di raccolta dati
print-rulebook = Regolamento { $id } versione { $version }, { $review }; prossima revisione entro il { $due }.
print-why-we-ask = Perché lo chiediamo:
print-only-if = Solo se { $condition }.
print-hint-tick-one = barrare una casella
print-hint-tick-all = barrare tutte le caselle pertinenti
print-hint-write-number = scrivere un numero
print-answer = Risposta:
print-or-box = oppure ☐ { $option }
print-read-by = Letta dalle regole: { $rules }

## La tabella delle regole

print-rules-heading = Regole per la revisione clinica
print-column-rule = Regola
print-column-when = Quando
print-column-then = Allora
print-column-rationale = Motivazione
print-column-source = Fonte
print-column-evidence = Evidenza
print-effect-verdict =
    esito: { $verdict ->
        [suitable] idoneo
        [caution] idoneo con riserva
        [refer] invio al medico
       *[unsuitable] non idoneo
    }
print-effect-risks = rischi: { $risks }
print-risk =
    { $risk } ({ $severity ->
        [high] alto
        [medium] medio
       *[low] basso
    })
print-effect-advice = consigli: { $advice }
print-effect-derives = deriva: { $facts }
print-effect-recheck-months =
    { $count ->
        [one] ripetere lo screening dopo { $count } mese
       *[other] ripetere lo screening dopo { $count } mesi
    }
print-effect-recheck-weeks =
    { $count ->
        [one] ripetere lo screening dopo { $count } settimana
       *[other] ripetere lo screening dopo { $count } settimane
    }
