# El reglamento impreso (`smp-screen rules print`): un formulario de admisión para
# rellenar a mano y una tabla de reglas para la revisión clínica.
# Texto de origen: locales/en/print.ftl.

## El formulario

print-title = { $title }: formulario de admisión
print-rulebook = Reglamento { $id } versión { $version }, { $review }; próxima revisión antes del { $due }.
print-why-we-ask = Por qué lo preguntamos:
print-only-if = Solo si { $condition }.
print-hint-tick-one = marque una
print-hint-tick-all = marque todas las que correspondan
print-hint-write-number = escriba un número
print-answer = Respuesta:
print-or-box = o ☐ { $option }
print-read-by = La leen las reglas: { $rules }

## La tabla de reglas

print-rules-heading = Reglas para la revisión clínica
print-column-rule = Regla
print-column-when = Cuándo
print-column-then = Entonces
print-column-rationale = Justificación
print-column-source = Fuente
print-column-evidence = Evidencia
print-effect-verdict =
    resultado: { $verdict ->
        [suitable] apto
        [caution] apto con reservas
        [refer] derivación al médico
       *[unsuitable] no apto
    }
print-effect-risks = riesgos: { $risks }
print-risk =
    { $risk } ({ $severity ->
        [high] alto
        [medium] medio
       *[low] bajo
    })
print-effect-advice = consejos: { $advice }
print-effect-derives = deriva: { $facts }
print-effect-recheck-months =
    { $count ->
        [one] repetir el cribado al cabo de { $count } mes
       *[other] repetir el cribado al cabo de { $count } meses
    }
print-effect-recheck-weeks =
    { $count ->
        [one] repetir el cribado al cabo de { $count } semana
       *[other] repetir el cribado al cabo de { $count } semanas
    }
