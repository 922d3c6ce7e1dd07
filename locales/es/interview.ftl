# Las palabras de la entrevista (dibujada en el terminal o en líneas numeradas). Se
# trata a la persona de usted. Las teclas nombradas en el texto (Intro, Esc, Espacio, ?,
# <, q, r, y, L, Ctrl-U, las flechas) son las que lee la entrevista: no cambiarlas.

## La primera pantalla

interview-title = Cribado para la SMP
interview-rulebook-line = { $title } { $version } ({ $review })
interview-review-draft = aún no revisado por un médico
interview-review-reviewed = revisado por { $by } el { $on }
interview-review-changed = modificado después de su revisión del { $on }, así que en su forma actual aún no lo ha revisado un médico
interview-intro-draft = Nada de lo que escriba se envía a ningún sitio. Sus respuestas se guardan a medida que avanza en un archivo de borrador en este ordenador, así que no se pierde nada si se cierra la ventana. Puede volver atrás en cualquier pregunta, responder «No lo sé» y revisarlo todo antes del resultado. Con Esc puede salir en cualquier momento (se le preguntará antes).
interview-intro-nodraft = Nada de lo que escriba se envía a ningún sitio ni se guarda; al final puede guardar el resultado en un archivo si lo desea. Puede volver atrás en cualquier pregunta, responder «No lo sé» y revisarlo todo antes del resultado. Con Esc puede salir en cualquier momento (se le preguntará antes).
interview-plain-intro = Modo sencillo: cada pregunta es una lista numerada. Escriba el número de su respuesta y pulse Intro; ? significa «No lo sé», < vuelve atrás, r muestra sus respuestas hasta ahora, q sale.
interview-start-question = Esta es una herramienta de cribado, no un consejo médico. ¿Empezamos?
interview-start-yes = Sí, empezar
interview-start-no = No, salir
interview-language-entry = Language · Lingua · Idioma: { $language } (L)
interview-language-question = Elija el idioma de la entrevista:
interview-language-hint = L cambia el idioma · Language · Lingua
interview-plain-language = Escriba L y pulse Intro para cambiar el idioma (Language, Lingua).
interview-language-current = { $language } (en uso)

## El avance y la pregunta

interview-progress = Pregunta { $number } de unas { $estimate }
interview-progress-section = Pregunta { $number } de unas { $estimate } · { $section }
interview-changing = Cambio de respuesta: { $question }
interview-read-by = Reglas que leen esta pregunta: { $rules }
interview-dont-know = No lo sé
interview-yes = Sí
interview-no = No
interview-back = Volver a la pregunta anterior
interview-more-above = ↑ hay más arriba
interview-more-below = ↓ hay más abajo

## Qué debe ser una respuesta numérica

interview-number-range =
    { $whole ->
        [yes] un número entero del { $min } al { $max }
       *[other] un número del { $min } al { $max }
    }
interview-number-range-unit =
    { $whole ->
        [yes] un número entero de { $unit } del { $min } al { $max }
       *[other] un número de { $unit } del { $min } al { $max }
    }
interview-number-min =
    { $whole ->
        [yes] un número entero no menor que { $min }
       *[other] un número no menor que { $min }
    }
interview-number-min-unit =
    { $whole ->
        [yes] un número entero de { $unit } no menor que { $min }
       *[other] un número de { $unit } no menor que { $min }
    }
interview-number-max =
    { $whole ->
        [yes] un número entero no mayor que { $max }
       *[other] un número no mayor que { $max }
    }
interview-number-max-unit =
    { $whole ->
        [yes] un número entero de { $unit } no mayor que { $max }
       *[other] un número de { $unit } no mayor que { $max }
    }
interview-number-any =
    { $whole ->
        [yes] un número entero
       *[other] un número
    }
interview-number-any-unit =
    { $whole ->
        [yes] un número entero de { $unit }
       *[other] un número de { $unit }
    }

## Teclas (entrevista dibujada)

interview-keys-choose = ↑/↓ mover · Intro elige · Esc sale
interview-keys-single = ↓/↑ mover · Intro elige · ? no lo sé · < atrás · Esc sale
interview-keys-multiple = ↓/↑ mover · Espacio marca [x] · Intro confirma lo marcado · ? no lo sé · < atrás · Esc sale
interview-keys-number = escriba un número, Intro confirma · ? no lo sé · Retroceso borra · Ctrl-U vacía · Esc sale
interview-keys-number-back = escriba un número, Intro confirma · ? no lo sé · < atrás · Retroceso borra · Ctrl-U vacía · Esc sale
interview-keys-line = Retroceso borra · Ctrl-U vacía · Esc cancela
interview-keys-leave = s o y sale · n o Intro vuelve a la pregunta
interview-keys-language = ↑/↓ mover · Intro elige · Esc vuelve atrás

## Cuando una tecla o una respuesta no hace lo que se quería

interview-not-an-answer = Esto es una acción, no una respuesta: pulse Intro para elegirla.
interview-move-first = Primero vaya a una respuesta con ↓ y luego pulse Espacio para marcarla.
interview-nothing-ticked-keys = Aún no ha marcado nada: muévase con ↓ y pulse Espacio en cada respuesta que le corresponda, luego Intro; o elija «{ $dontknow }».
interview-nothing-chosen = Aún no ha elegido ninguna respuesta: vaya a una con ↓ y pulse Intro.
interview-first-question = Esta es la primera pregunta: no hay nada a lo que volver.
interview-earlier-answer = Respuesta anterior: { $answer } (Intro la mantiene)
interview-type-a-number = Primero escriba un número, o ? para «No lo sé».
interview-too-long = Una respuesta no puede ser más larga aquí.
interview-too-small = Terminal demasiado pequeño: amplíelo a al menos { $columns } columnas por { $rows } filas para continuar.
interview-nothing-ticked = Aún no ha marcado nada: marque cada respuesta que le corresponda, o elija «{ $dontknow }».
interview-exclusive-combined = «{ $option }» no se puede combinar con otras respuestas.
interview-tick-one = Marque al menos una respuesta, o «{ $option }».
interview-please-enter = Escriba { $expected }.

## Salir

interview-leave = ¿Quiere salir?
interview-leave-lost = ¿Quiere salir? Sus respuestas se perderán.
interview-leave-draft = ¿Quiere salir? Sus respuestas hasta ahora se guardan en el borrador { $draft }; puede continuar más tarde con --resume.
interview-left-draft = Entrevista interrumpida. Sus respuestas hasta ahora están en el borrador { $draft }; para continuar: smp-screen --resume { $draft }
interview-cancelled = Entrevista cancelada; no se ha guardado nada.
interview-stopped = Entrevista detenida por una señal.

## La revisión y la propuesta de parar antes

interview-review-title = Revise sus respuestas. Elija una para cambiarla, o confirme para ver el resultado.
interview-review-confirm = Todo correcto: mostrar el resultado
interview-review-back = Volver a la última pregunta
interview-review-leave = Salir sin resultado
interview-stop-title = Por ahora la SMP no es recomendable, sean cuales sean las respuestas que faltan:
interview-stop-here = Parar aquí y ver el resultado
interview-stop-continue = Continuar, para tener un registro completo de riesgos y consejos

## Modo sencillo (líneas numeradas, respuestas escritas)

interview-plain-pick = Escriba un número y pulse Intro:
interview-plain-chose = Elegido: { $answer }
interview-plain-from-one = Escriba un número del 1 al { $count }.
interview-plain-from-zero = Escriba un número del 0 al { $count }.
interview-plain-leave = { $question } Escriba s para salir, o pulse Intro para continuar:
interview-plain-yes-words = s si sí y yes
interview-plain-no-answers = Aún no hay respuestas.
interview-plain-answers-so-far = Sus respuestas hasta ahora:
interview-plain-earlier = Respuesta anterior: { $answer }. Pulse Intro para mantenerla.
interview-plain-type-multiple = Escriba los números de todas las respuestas que le correspondan (del 1 al { $count }), separados por espacios o comas; ? para «{ $dontknow }», < para volver atrás, r para revisar, q para salir:
interview-plain-type-single = Escriba el número de su respuesta (del 1 al { $count }); ? para «{ $dontknow }», < para volver atrás, r para revisar, q para salir:
interview-plain-type-number = Escriba { $expected }; ? para «{ $dontknow }», < para volver atrás, r para revisar, q para salir:
interview-plain-nothing-typed = No ha escrito nada.
interview-plain-the-choices = Las respuestas posibles son:
interview-plain-not-a-choice = «{ $typed }» no es una de las respuestas posibles: escriba un número del 1 al { $count }.
interview-plain-one-number = Escriba un solo número del 1 al { $count }.
interview-plain-review = Revise sus respuestas.
interview-plain-review-ask = Escriba 0 para ver el resultado, un número del 1 al { $count } para cambiar esa respuesta, < para volver a la última pregunta, q para salir:
interview-plain-what-now = ¿Y ahora?
interview-plain-line = { $title } (Intro para { $default }, q para desistir):

## El editor de línea de la entrevista dibujada

interview-line-default = Pulse Intro para: { $default }

## Continuar desde un borrador

interview-resume-kept =
    { $count ->
        [one] Se continúa una entrevista: se mantiene { $count } respuesta.
       *[other] Se continúa una entrevista: se mantienen { $count } respuestas.
    }
interview-resume-answer = Mantenida: { $question }: { $answer }
interview-resume-dropped = Ya no se pregunta, así que se quita: { $question }.
interview-resume-changed = El reglamento ha cambiado desde que se guardó este borrador (era la versión { $was }, ahora la { $now }): se mantienen las respuestas que siguen valiendo y las demás se preguntan de nuevo.
interview-resume-no-longer = Ya no vale, así que se pregunta de nuevo o se quita: { $question } ({ $problem }).
interview-resume-an-answer = una respuesta
interview-draft-failed = Aviso: no se ha podido guardar el borrador: { $error }
interview-draft-remains = El borrador { $draft } aún contiene sus respuestas; bórrelo cuando ya no lo necesite.

## El final: el informe y guardarlo

interview-more-paged = Pulse Intro para leer el informe completo (q lo cierra).
interview-more-follows = A continuación, el informe completo.
interview-more-stdout = El informe completo se escribe en la salida estándar.
interview-saved-handout = Hoja guardada en { $file }
interview-saved-record = Registro guardado en { $file }
interview-save-patient = ¿Quiere guardar este resultado en un archivo? El archivo se queda en este ordenador; no se envía nada a ningún sitio.
interview-save-consultant = ¿Guardar este resultado? Los archivos se quedan en este ordenador; no se envía nada a ningún sitio.
interview-save-none = No, terminar
interview-save-handout = Guardar la hoja: una página para imprimir con el resultado, los motivos y los consejos
interview-save-record = Guardar el registro: las respuestas y el resultado en JSON, para el archivo de la clínica
interview-save-both = Guardar ambos
interview-save-handout-name = Nombre del archivo para la hoja
interview-save-record-name = Nombre del archivo para el registro
interview-saved-handout-said = Hoja guardada en { $file }. Contiene sus respuestas en palabras, el resultado y los consejos; nada que le identifique.
interview-saved-record-said = Registro guardado en { $file }. Contiene las respuestas, el resultado, la versión del reglamento y la hora; nada que le identifique.
interview-save-failed = { $error } Escriba otro nombre.
interview-save-exists = { $file } ya existe y nunca se reemplaza: escriba otro nombre.

## Errores que detienen la entrevista antes de empezar (en la salida de errores)

interview-error-too-small =
    error: este terminal tiene { $columns } columnas por { $rows } filas, demasiado pequeño para dibujar la entrevista (necesita al menos { $min_columns } por { $min_rows }).
    Agrande la ventana, o responda en líneas numeradas con: smp-screen --plain
interview-error-draft-exists =
    error: ya existe un borrador de una entrevista sin terminar en { $draft }.
    Continúela con: smp-screen --resume { $draft }
    o bórrelo antes para empezar de nuevo.
