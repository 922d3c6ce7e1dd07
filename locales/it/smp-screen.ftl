# Le parole dello strumento in italiano. Tradurre solo il testo a destra di `=`,
# lasciando invariati gli identificativi e le `{ $variabili }`.

language-name = Italiano

## Scelta della lingua

unknown-language = la lingua `{ $code }` non esiste; disponibili: { $available }
rulebook-fallback =
    { $count ->
        [one] Un testo del regolamento { $rulebook } non ha una traduzione aggiornata in italiano; viene mostrato in inglese.
       *[other] { $count } testi del regolamento { $rulebook } non hanno una traduzione aggiornata in italiano; vengono mostrati in inglese.
    }

## rules translate

translate-summary =
    Scritto { $file }: { $kept ->
        [one] 1 traduzione mantenuta
       *[other] { $kept } traduzioni mantenute
    }, { $todo ->
        [one] 1 testo da tradurre
       *[other] { $todo } testi da tradurre
    } (di cui { $stale } non aggiornati).
translate-complete = { $file } è completo: ogni testo è tradotto dall'inglese attuale.
translate-next = Compilare ogni "text" vuoto, poi eseguire: smp-screen rules check --lang { $code }
translate-unknown =
    { $count ->
        [one] 1 voce riguarda un testo che il regolamento non ha più; resta in fondo al file, da spostare o eliminare.
       *[other] { $count } voci riguardano testi che il regolamento non ha più; restano in fondo al file, da spostare o eliminare.
    }

## batch

batch-progress-rows = { $rows ->
    [one] 1 riga
   *[other] { $rows } righe
}
batch-summary = { $rows ->
    [one] 1 riga
   *[other] { $rows } righe
}: { $screened ->
    [one] 1 valutata
   *[other] { $screened } valutate
}, { $failed ->
    [one] 1 non riuscita
   *[other] { $failed } non riuscite
}; { $verdicts }
batch-verdict-count = { $verdict } { $count }
batch-not-complete = { $count ->
    [one] 1 non completa
   *[other] { $count } non complete
}
batch-failed-lines = righe non riuscite: { $lines }
