# Las palabras de la herramienta en español. Traducir solo el texto a la derecha de `=`,
# sin cambiar los identificadores ni las `{ $variables }`.

language-name = Español

## Elección del idioma

unknown-language = no existe el idioma `{ $code }`; disponibles: { $available }
rulebook-fallback =
    { $count ->
        [one] Un texto del reglamento { $rulebook } no tiene una traducción al día en español; se muestra en inglés.
       *[other] { $count } textos del reglamento { $rulebook } no tienen una traducción al día en español; se muestran en inglés.
    }

## rules translate

translate-summary =
    Escrito { $file }: { $kept ->
        [one] 1 traducción conservada
       *[other] { $kept } traducciones conservadas
    }, { $todo ->
        [one] 1 texto por traducir
       *[other] { $todo } textos por traducir
    } (de ellos { $stale } desactualizados).
translate-complete = { $file } está completo: cada texto está traducido del inglés actual.
translate-next = Rellene cada "text" vacío y luego ejecute: smp-screen rules check --lang { $code }
translate-unknown =
    { $count ->
        [one] 1 entrada corresponde a un texto que el reglamento ya no tiene; se conserva al final del archivo para moverla o borrarla.
       *[other] { $count } entradas corresponden a textos que el reglamento ya no tiene; se conservan al final del archivo para moverlas o borrarlas.
    }

## batch

batch-progress-rows = { $rows ->
    [one] 1 fila
   *[other] { $rows } filas
}
batch-summary = { $rows ->
    [one] 1 fila
   *[other] { $rows } filas
}: { $screened ->
    [one] 1 evaluada
   *[other] { $screened } evaluadas
}, { $failed ->
    [one] 1 fallida
   *[other] { $failed } fallidas
}; { $verdicts }
batch-verdict-count = { $verdict } { $count }
batch-not-complete = { $count ->
    [one] 1 incompleta
   *[other] { $count } incompletas
}
batch-failed-lines = filas fallidas: { $lines }
