# Las palabras de los informes (texto, Markdown, hoja HTML, textos del JSON, titular del
# lote) y del resumen al final de la entrevista, en español. Traduzca solo el texto a la
# derecha de `=`; deje igual los identificadores, las `{ $variables }` y los id entre `[ ]`.

## Resultados, pigmentos, evidencia, gravedad

report-verdict-suitable = APTO
report-verdict-caution = PRECAUCIÓN
report-verdict-refer = DERIVAR AL MÉDICO
report-verdict-unsuitable = NO APTO

report-verdict-word-suitable = apto
report-verdict-word-caution = precaución
report-verdict-word-refer = derivar al médico
report-verdict-word-unsuitable = no apto

report-meaning-patient-suitable = Nada en sus respuestas desaconseja la SMP. Aun así, un profesional tiene que ver su cuero cabelludo antes de cualquier tratamiento.
report-meaning-patient-suitable-so-far = Nada de lo que ha respondido desaconseja la SMP, pero las preguntas aún sin responder podrían cambiarlo. Aun así, un profesional tiene que ver su cuero cabelludo antes de cualquier tratamiento.
report-meaning-patient-caution = La SMP puede ser adecuada para usted, pero solo teniendo en cuenta las condiciones de abajo.
report-meaning-patient-refer = Primero consulte a un médico: algo en sus respuestas necesita la opinión de un médico antes de cualquier SMP.
report-meaning-patient-unsuitable = Por ahora la SMP no es recomendable.
report-meaning-consultant-suitable = El cribado no identifica contraindicaciones ni precauciones.
report-meaning-consultant-suitable-so-far = Ninguna contraindicación ni precaución en las respuestas dadas; las preguntas pendientes aún podrían cambiar el resultado.
report-meaning-consultant-caution = Candidato con reservas: abordar los riesgos y las recomendaciones antes del tratamiento.
report-meaning-consultant-refer = Se requiere autorización médica antes del tratamiento.
report-meaning-consultant-unsuitable = No es candidato por ahora.

report-ink-heading = Pigmento
report-ink-heading-so-far = Pigmento por ahora
report-ink-heading-refer-patient = Pigmento, si un médico está de acuerdo
report-ink-heading-refer-consultant = Pigmento (sujeto a autorización médica)

report-ink-patient-temporary = pigmento que se desvanece con el tiempo ("temporal")
report-ink-patient-permanent = pigmento permanente
report-ink-patient-either = pigmento que se desvanece o permanente, cualquiera de los dos
report-ink-patient-none = ninguno por ahora
report-ink-consultant-temporary = pigmento reabsorbible (semipermanente)
report-ink-consultant-permanent = pigmento permanente
report-ink-consultant-either = pigmento reabsorbible o permanente
report-ink-consultant-none = ninguno (no es candidato por ahora)

# Sirven para las dos voces (paciente y consultor).
report-ink-short-temporary = temporal
report-ink-short-permanent = permanente
report-ink-short-either = cualquiera
report-ink-short-none = ninguno

report-ink-note-patient-either = Nada en sus respuestas apunta a un pigmento en concreto. El pigmento que se desvanece hay que rehacerlo cada año o cada pocos años y puede dejar un rastro leve; el permanente se aclara despacio pero no desaparece por sí solo.
report-ink-note-consultant-either = Ninguna regla condiciona la elección del pigmento; decídalo con el paciente.

report-effect-forbid-permanent = descarta el pigmento permanente
report-effect-forbid-temporary = descarta el pigmento que se desvanece
report-effect-prefer-temporary = favorece el pigmento que se desvanece
report-effect-prefer-permanent = favorece el pigmento permanente
report-effect-short-forbid-permanent = descarta el permanente
report-effect-short-forbid-temporary = descarta el temporal
report-effect-short-prefer-temporary = favorece el temporal
report-effect-short-prefer-permanent = favorece el permanente
report-effect-short-unknown = influye en el pigmento
report-effect-tag-forbid-permanent = prohíbe permanente
report-effect-tag-forbid-temporary = prohíbe reabsorbible
report-effect-tag-prefer-temporary = prefiere reabsorbible
report-effect-tag-prefer-permanent = prefiere permanente

report-evidence-patient-clinical = los estudios lo muestran
report-evidence-patient-practitioner = las clínicas lo refieren
report-evidence-patient-marketing = solo lo afirma la publicidad
report-evidence-patient-inference = razonado, aún no estudiado
report-evidence-consultant-clinical = literatura clínica
report-evidence-consultant-practitioner = experiencia de los profesionales
report-evidence-consultant-marketing = afirmación comercial
report-evidence-consultant-inference = inferencia, no estudiada

report-severity-high = ALTA
report-severity-medium = MEDIA
report-severity-low = BAJA
report-severity-word-high = alta
report-severity-word-medium = media
report-severity-word-low = baja

report-review-draft = aún no revisado por un médico
report-review-reviewed = revisado por { $by } el { $date }
report-review-changed = modificado tras su revisión del { $date }, así que en su forma actual aún no está revisado por un médico
report-review-overdue = aviso: la revisión clínica del reglamento { $id } { $version } estaba prevista para el { $date }

## Fechas y esperas

report-date = { $day } de { $month } de { $year }
report-month-1 = enero
report-month-2 = febrero
report-month-3 = marzo
report-month-4 = abril
report-month-5 = mayo
report-month-6 = junio
report-month-7 = julio
report-month-8 = agosto
report-month-9 = septiembre
report-month-10 = octubre
report-month-11 = noviembre
report-month-12 = diciembre

report-wait-months =
    { $count ->
        [one] { $count } mes
       *[other] { $count } meses
    }
report-wait-weeks =
    { $count ->
        [one] { $count } semana
       *[other] { $count } semanas
    }
report-recheck = Repita el cribado a partir del { $date } (dentro de { $wait }).
report-rules = Reglas: { $rules }.
report-rules-lower = reglas: { $rules }

## El titular del resultado

report-range = de { $from } a { $to }
report-headline-range =
    Incompleto: { $range }, según { $count ->
        [one] { $count } pregunta sin responder
       *[other] { $count } preguntas sin responder
    }
report-headline-ink =
    Incompleto: { $range }, pigmento { $ink } o { $worst_ink }, según { $count ->
        [one] { $count } pregunta sin responder
       *[other] { $count } preguntas sin responder
    }
report-headline-same =
    Incompleto: { $range } sean cuales sean las respuestas, pero { $count ->
        [one] { $count } pregunta sin responder podría
       *[other] { $count } preguntas sin responder podrían
    } añadir aún riesgos o recomendaciones

## Qué podría cambiar todavía un resultado incompleto

report-list-and = { $rest } y { $last }
report-list-or = { $rest } o { $last }
report-pending-consultant-verdict = [{ $rule }] { $title }: daría { $verdict }; lo decide { $questions }
report-pending-consultant-ink = [{ $rule }] { $title }: daría pigmento { $ink }; lo decide { $questions }
report-pending-consultant-both = [{ $rule }] { $title }: daría { $verdict }, pigmento { $ink }; lo decide { $questions }
report-pending-patient-verdict = { $title }: podría dejar el resultado en { $verdict }. Depende de su respuesta sobre { $questions }.
report-pending-patient-ink = { $title }: podría cambiar el pigmento a { $ink }. Depende de su respuesta sobre { $questions }.
report-pending-patient-both = { $title }: podría dejar el resultado en { $verdict } con { $ink }. Depende de su respuesta sobre { $questions }.
report-physician-consultant = Primero, valoración médica si la respuesta sobre { $questions } lo exige: puede requerirse autorización médica, así que no trate hasta conocerla.
report-physician-patient = Primero consulte a un médico si su respuesta sobre { $questions } da motivo para ello. Mientras no lo sepa, no siga adelante.
report-still-change = Qué podría cambiarlo todavía
report-undecided-harmless = Algunas preguntas sin responder dejan reglas sin decidir, aunque ninguna cambiaría el resultado ni el pigmento.
report-unanswered = Sin responder: { $questions }
report-more = y { $count } más
report-more-see = y { $count } más (vea --explain o la salida JSON)

## Qué cambiaría el resultado

report-what-if-change = { $question } fuera "{ $answer }"
report-what-if-and = { $first } y { $next }
report-what-if-ink = pigmento { $from } → { $to }
report-what-if = Si { $changes }: { $outcome }
report-what-if-better = Qué cambiaría el resultado
report-what-if-worse = Qué lo empeoraría

## Títulos y frases comunes a los formatos

report-text-title = Cribado de SMP · { $title } { $version }
report-title = Cribado de SMP: { $headline }
report-so-far = Por ahora: { $meaning }
report-verdict-heading = Resultado
report-verdict-so-far-heading = Resultado por ahora
report-not-complete-at-worst = incompleto; en el peor caso { $worst }
report-why = Por qué
report-because = Porque
report-reasons-above = y por los motivos de arriba.
report-ink-conflict-consultant = Conflicto de pigmento: las reglas activadas descartan ambos pigmentos; el resultado se elevó a derivar al médico.
report-ink-conflict-patient = Sus respuestas descartan los dos tipos de pigmento, así que primero tiene que decidir un médico.
report-no-ink = No se recomienda ningún pigmento mientras la SMP no sea recomendable.
report-risks = Riesgos
report-risks-serious-first = Riesgos, de más a menos graves
report-advice = Recomendaciones
report-advice-now = Qué hacer ahora
report-advice-later = Si más adelante la SMP es posible
report-what-to-do = Qué hacer
report-advice-first = primero
report-rules-fired = Reglas activadas
report-source = Fuente: { $source }
report-evidence = Evidencia: { $evidence }
report-rationale = Justificación: { $rationale }
report-undecided-heading = Reglas sin decidir (preguntas sin responder)
report-undecided-rules = Reglas sin decidir
report-undecided-line = [{ $rule }] { $title }{ $verdict }; lo decide: { $questions }
report-undecided-line-md = { $rule } { $title }: lo decide { $questions }
report-ignored-consultant = Respuestas no usadas (la pregunta no procedía): { $questions }
report-ignored-patient = Algunas respuestas no hicieron falta, porque las preguntas no se aplicaban a usted: { $questions }.
report-text-footer = Reglamento { $id } { $version } (sha256 { $sha }…), { $review }
report-md-footer = Reglamento { $id } { $version } (sha256 { $sha }), { $review }; { $tool } { $tool_version }.
report-html-footer = Reglamento { $id } { $version } (sha256 { $sha }), { $review }, próxima revisión: { $due }; { $tool } { $tool_version }.
report-reference = Referencia
report-reprinted = Reimpreso del registro hecho el { $made }, con el resultado registrado entonces.

## CÓMO y POR QUÉ (con --explain)

report-how = Cómo se decidió
report-how-verdict-none = Resultado { $verdict }: ninguna regla lo elevó.
report-how-verdict = Resultado { $verdict }, dado por { $rules }
report-how-from = { $verdict } de { $rule }
report-how-overrides = ; prevalece sobre { $list }
report-how-ink = Pigmento: { $ink }
report-how-because-of = , a causa de { $list }
report-state-fired = activada
report-state-possible = posible
report-how-undecided-consultant = Reglas sin decidir, y qué las decidiría:
report-how-undecided-patient = Aún sin decidir, porque faltan algunas respuestas:
report-why-asked = Por qué se hizo cada pregunta
report-read-by = La leen: { $rules }.

## Tablas

report-col-severity = Gravedad
report-col-risk = Riesgo
report-col-detail = Detalle
report-col-rules = Reglas
report-col-meaning = Qué significa
report-col-rule = Regla
report-col-verdict = Resultado
report-col-rationale = Justificación
report-col-source = Fuente
report-col-evidence = Evidencia
report-col-question = Pregunta
report-col-answer = Respuesta
report-answers-given = Respuestas dadas
report-your-answers = Sus respuestas
report-not-used-long = (no usada: la pregunta no procedía)
report-not-used = (no usada)

## La hoja HTML

report-html-heading = Micropigmentación capilar: resultado del cribado
report-html-screened = Cribado realizado el { $date } con { $title } (versión { $version }, { $review }). Una ayuda para el cribado, no un diagnóstico.
report-html-rules-behind = Reglas en las que se basa este resultado
report-html-please-note = Tenga en cuenta
report-html-name = Nombre
report-html-birth = Fecha de nacimiento
report-html-by-hand = El nombre y la fecha de nacimiento se escriben aquí a mano; smp-screen no los guarda.
report-html-signature = Firma del consultor
report-html-date = Fecha
report-html-capitals = Nombre en mayúsculas

## El resumen al final de la entrevista

report-summary-heading = Su resultado, en breve
report-summary-verdict = Resultado: { $verdict }
report-summary-missing-refer = Faltan respuestas que deciden el resultado, así que todavía podría ser { $verdict }. No siga adelante hasta responderlas; puede que primero tenga que verle un médico.
report-summary-missing = Faltan respuestas que deciden el resultado, así que todavía podría ser { $verdict }. No siga adelante hasta responderlas.
report-summary-reasons = Motivos principales:
report-summary-more-reasons = y { $count } más en el informe completo
report-summary-first-steps = Lo primero que hay que hacer:
report-summary-more-advice =
    { $count ->
        [one] { $count } recomendación más en el informe completo
       *[other] { $count } recomendaciones más en el informe completo
    }
