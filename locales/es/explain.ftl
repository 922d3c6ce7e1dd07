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

## El vocabulario del motor (src/words.rs) que necesitan las explicaciones y la tabla de
## reglas

explain-effect-forbid-permanent = descarta el pigmento permanente
explain-effect-forbid-temporary = descarta el pigmento reabsorbible
explain-effect-prefer-temporary = favorece el pigmento reabsorbible
explain-effect-prefer-permanent = favorece el pigmento permanente
explain-evidence-cell-clinical = evidencia clínica
explain-evidence-cell-practitioner = experiencia de los profesionales
explain-evidence-cell-marketing = afirmación publicitaria
explain-evidence-cell-inference = inferencia, no estudiada
