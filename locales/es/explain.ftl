# Explicaciones: condiciones en palabras, CÓMO se llegó al resultado, POR QUÉ se hace una
# pregunta y QUÉ cambiaría el resultado. Texto de origen: locales/en/explain.ftl.

## Respuestas en palabras

explain-yes = sí
explain-no = no
explain-answer-yes = Sí
explain-answer-no = No
explain-dont-know = No lo sé

## Intervalos numéricos

explain-range-from-to = de { $low } a { $high }
explain-range-from-to-under = de { $low } a menos de { $high }
explain-range-above-to = más de { $low } y hasta { $high }
explain-range-above-to-under = más de { $low } y menos de { $high }
explain-range-at-least = al menos { $low }
explain-range-above = más de { $low }
explain-range-at-most = como máximo { $high }
explain-range-under = menos de { $high }
explain-range-any = cualquier número

## Condiciones en palabras

explain-quoted = «{ $text }»
explain-cond-always = siempre
explain-cond-and = { $left } y { $right }
explain-cond-or = { $left } o { $right }
explain-cond-at-least = al menos { $count } de ({ $conditions })
explain-cond-not = no { $condition }
explain-cond-not-fact = descartado: { $fact }
explain-cond-score = { $score }: { $range }
explain-test-answered = { $question }: con respuesta
explain-test-not-answered = { $question }: sin respuesta
explain-test-choice = { $question }: { $option }
explain-test-choice-one-of = { $question }: una de { $options }
explain-test-not-choice = { $question }: respuesta distinta de { $option }
explain-test-not-choice-one-of = { $question }: ninguna de { $options }
explain-test-anything-but = { $question }: cualquier respuesta salvo { $option }
explain-test-anything-but-one-of = { $question }: cualquier respuesta salvo { $options }
explain-test-includes = { $question }: incluye { $option }
explain-test-includes-one-of = { $question }: incluye al menos una de { $options }
explain-test-includes-none = { $question }: no incluye ninguna de { $options }
explain-test-yes = { $question }: sí
explain-test-no = { $question }: no
explain-test-not-yes = { $question }: respuesta distinta de sí
explain-test-not-no = { $question }: respuesta distinta de no
explain-test-number = { $question }: { $range }
explain-test-not-number = { $question }: no { $range }

## CÓMO: una condición comprobada con las respuestas

explain-trace-always = siempre
explain-trace-all = todas las siguientes:
explain-trace-any = al menos una de las siguientes:
explain-trace-not = no se cumple:
explain-trace-at-least =
    { $unknown ->
        [0] mínimo necesario: { $needed } de { $total }; { $held } de { $total } { $held ->
                [one] cumplida
               *[other] cumplidas
            }:
       *[other] mínimo necesario: { $needed } de { $total }; { $held } de { $total } { $held ->
                [one] cumplida
               *[other] cumplidas
            }, { $unknown } { $unknown ->
                [one] desconocida
               *[other] desconocidas
            }:
    }
explain-trace-fact = hecho derivado `{ $fact }`: { $description }
explain-trace-derived = derivado por [{ $rule }] { $title }: { $condition }
explain-trace-because = porque { $condition }
explain-trace-test-consultant = { $question } = { $saw }, requerido { $needed }
explain-trace-test-patient = { $question }: { $saw } (hace falta: { $needed })
explain-trace-score = { $score } = { $saw }, requerido { $needed }
explain-trace-option = «{ $text }»
explain-saw-not-asked = no se preguntó (no procede)
explain-saw-not-answered = sin responder
explain-saw-dont-know = no lo sé
explain-saw-between = entre { $low } y { $high } por ahora
explain-needed-any-answer = cualquier respuesta
explain-needed-one-of = una de { $options }
explain-needed-any-of = al menos una de { $options }


## replay: un registro guardado evaluado de nuevo, y qué cambió

explain-replay-made = Registro creado el { $when } por { $tool } { $version }.
explain-replay-made-labelled = Registro creado el { $when } por { $tool } { $version }, con la etiqueta «{ $label }».
explain-replay-same-rulebook = Reglamento: el mismo del registro, { $rulebook }.
explain-replay-rulebook-changed = El reglamento ha cambiado.
explain-replay-recorded-with = Registrado con { $recorded }, evaluado ahora con { $now }.
explain-replay-same-version = La versión es la misma: se modificó sin un nuevo número de versión.
explain-replay-dropped = Respuesta que ya no se acepta, ahora sin responder: { $answer }
explain-replay-unchanged = Resultado sin cambios: { $verdict }, pigmento { $ink }; los mismos riesgos y consejos.
explain-replay-changed = El resultado ha cambiado:
explain-replay-change = { $name }: { $before } -> { $after }
explain-replay-no-change = { $name }: { $now } (sin cambios)
explain-replay-name-verdict = Resultado
explain-replay-name-ink = Pigmento
explain-replay-name-status = Estado
explain-replay-name-worst-case = Peor caso
explain-replay-name-worst-case-ink = Pigmento en el peor caso
explain-replay-value =
    { $value ->
        [suitable] apto
        [caution] apto con reservas
        [refer] derivación al médico
        [unsuitable] no apto
        [temporary] reabsorbible
        [permanent] permanente
        [either] reabsorbible o permanente
        [none] ninguno
        [complete] completo
        [provisional] provisional
       *[other] { $value }
    }
explain-replay-verdict-label =
    { $value ->
        [suitable] APTO
        [caution] PRECAUCIÓN
        [refer] DERIVAR AL MÉDICO
        [unsuitable] NO APTO
       *[other] { $value }
    }
explain-replay-pending-added = Ahora pendiente, y puede cambiar el resultado: { $rule } ({ $title })
explain-replay-pending-removed = Ya no está pendiente: { $rule }
explain-replay-risk-added = Riesgo añadido: { $id } ({ $title })
explain-replay-risk-removed = Riesgo retirado: { $id } ({ $title })
explain-replay-advice-added = Consejo añadido: { $id } ({ $title })
explain-replay-advice-removed = Consejo retirado: { $id } ({ $title })

## replay de un archivo de registros

explain-archive-unreadable = { $record }: no se puede evaluar de nuevo: { $reason }
explain-archive-change = { $name } { $before } -> { $after }
explain-archive-name-verdict = resultado
explain-archive-name-ink = pigmento
explain-archive-name-status = estado
explain-archive-name-worst-case = peor caso
explain-archive-name-worst-case-ink = pigmento en el peor caso
explain-archive-ids = { $name } { $ids }
explain-archive-name-pending = pendientes
explain-archive-name-risks = riesgos
explain-archive-name-advice = consejos
explain-archive-dropped = respuestas que ya no se aceptan: { $answers }
explain-archive-summary =
    { $total ->
        [one] Se volvió a evaluar { $total } registro con { $rulebook } { $version }. Con cambios: { $changed }; sin cambios: { $unchanged }; ilegibles: { $unreadable }.
       *[other] Se volvieron a evaluar { $total } registros con { $rulebook } { $version }. Con cambios: { $changed }; sin cambios: { $unchanged }; ilegibles: { $unreadable }.
    }
explain-archive-by-kind = Cambios por tipo: { $kinds }
explain-archive-kind-verdict = resultado
explain-archive-kind-ink = pigmento
explain-archive-kind-status = estado (completo/provisional)
explain-archive-kind-worst-case = peor caso
explain-archive-kind-pending = motivos pendientes
explain-archive-kind-risks = riesgos
explain-archive-kind-advice = consejos
explain-archive-kind-answers = respuestas que ya no se aceptan
