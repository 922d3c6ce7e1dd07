# The interview's words (drawn on a terminal, or put as plain numbered lines): the
# interview engineer's file. Ids start with `interview-`. Keys named in a text (Enter,
# Esc, Space, ?, <, q, r, y, Ctrl-U, the arrows) are the keys the interview reads: keep
# them as they are (a translation may name Enter and Esc by their local names).

## The first screen

interview-title = SMP screening
# $title, $version: the rulebook's; $review: its review status in words.
interview-rulebook-line = { $title } { $version } ({ $review })
interview-review-draft = not yet reviewed by a clinician
# $by: who reviewed the rulebook; $on: the date (YYYY-MM-DD).
interview-review-reviewed = reviewed by { $by } on { $on }
interview-review-changed = changed since its review on { $on }, so not yet reviewed by a clinician as it stands
# For a patient, when a draft file keeps the answers.
interview-intro-draft = Nothing you type is sent anywhere. Your answers are kept in a draft file on this computer as you go, so nothing is lost if the window closes. You can go back at any question, answer "I don't know", and review everything before the result. Esc leaves at any time (you will be asked first).
# For a patient, when nothing is kept.
interview-intro-nodraft = Nothing you type is sent anywhere or stored; at the end you can save the result to a file if you wish. You can go back at any question, answer "I don't know", and review everything before the result. Esc leaves at any time (you will be asked first).
interview-plain-intro = Plain mode: each question is a numbered list. Type the number of your answer and press Enter; ? means I don't know, < goes back, r shows your answers so far, q leaves.
interview-start-question = This is a screening aid, not medical advice. Start?
interview-start-yes = Yes, start
interview-start-no = No, leave
# The entry that changes the language, on the first screen. It names the language in
# use ($language, in itself); keep the three words "Language · Lingua · Idioma" in every
# language, so that a person who cannot read this one still finds it.
interview-language-entry = Language · Lingua · Idioma: { $language } (L)
interview-language-question = Choose the language of the interview:
# A consultant's first screen has no consent: the language key is said in one line.
interview-language-hint = L changes the language · Lingua · Idioma
# Plain mode: what to type to change the language.
interview-plain-language = Type L and press Enter to change the language (Lingua, Idioma).
# Plain mode: the language in use, in the list of languages ($language: its name).
interview-language-current = { $language } (in use)

## Progress and the question

# $number: this question's number; $estimate: about how many there will be.
interview-progress = Question { $number } of about { $estimate }
# The same, with the rulebook's section name ($section).
interview-progress-section = Question { $number } of about { $estimate } · { $section }
# $question: the short name of the question whose answer is being changed.
interview-changing = Changing: { $question }
# $rules: the titles of the rules that read this question.
interview-read-by = Read by: { $rules }
interview-dont-know = I don't know
interview-yes = Yes
interview-no = No
interview-back = Back to the previous question
interview-more-above = ↑ more above
interview-more-below = ↓ more below

## What a number answer must be: $min, $max (numbers), $unit (the rulebook's unit).
## $whole is "yes" for whole numbers only.

interview-number-range =
    { $whole ->
        [yes] a whole number from { $min } to { $max }
       *[other] a number from { $min } to { $max }
    }
interview-number-range-unit =
    { $whole ->
        [yes] a whole number of { $unit } from { $min } to { $max }
       *[other] a number of { $unit } from { $min } to { $max }
    }
interview-number-min =
    { $whole ->
        [yes] a whole number of at least { $min }
       *[other] a number of at least { $min }
    }
interview-number-min-unit =
    { $whole ->
        [yes] a whole number of { $unit } of at least { $min }
       *[other] a number of { $unit } of at least { $min }
    }
interview-number-max =
    { $whole ->
        [yes] a whole number of at most { $max }
       *[other] a number of at most { $max }
    }
interview-number-max-unit =
    { $whole ->
        [yes] a whole number of { $unit } of at most { $max }
       *[other] a number of { $unit } of at most { $max }
    }
interview-number-any =
    { $whole ->
        [yes] a whole number
       *[other] a number
    }
interview-number-any-unit =
    { $whole ->
        [yes] a whole number of { $unit }
       *[other] a number of { $unit }
    }

## Keys (the drawn interview)

interview-keys-choose = ↑/↓ move · Enter chooses · Esc leaves
interview-keys-single = ↓/↑ move · Enter chooses · ? I don't know · < back · Esc leaves
interview-keys-multiple = ↓/↑ move · Space ticks [x] · Enter confirms the ticks · ? I don't know · < back · Esc leaves
interview-keys-number = type a number, Enter confirms · ? I don't know · Backspace erases · Ctrl-U clears · Esc leaves
interview-keys-number-back = type a number, Enter confirms · ? I don't know · < back · Backspace erases · Ctrl-U clears · Esc leaves
interview-keys-line = Backspace erases · Ctrl-U clears · Esc cancels
interview-keys-leave = y leaves · n or Enter goes back to the question
interview-keys-language = ↑/↓ move · Enter chooses · Esc goes back

## Messages when a key or an answer does not do what was meant

interview-not-an-answer = This is an action, not an answer: press Enter to choose it.
interview-move-first = Move to an answer with ↓ first, then press Space to tick it.
# $dontknow: the words of the "I don't know" entry.
interview-nothing-ticked-keys = Nothing is ticked yet: move with ↓ and press Space to tick each answer that applies, then Enter; or choose "{ $dontknow }".
interview-nothing-chosen = No answer chosen yet: move to one with ↓ and press Enter.
interview-first-question = This is the first question: there is nothing to go back to.
interview-earlier-answer = Earlier answer: { $answer } (Enter keeps it)
interview-type-a-number = Type a number first, or ? for "I don't know".
interview-too-long = That is as long as an answer can be here.
# $columns, $rows: the least size the interview draws in.
interview-too-small = Terminal too small: make it at least { $columns } columns by { $rows } rows to go on.
# $dontknow: the words of the "I don't know" entry.
interview-nothing-ticked = Nothing is ticked yet: tick every answer that applies, or choose "{ $dontknow }".
# $option: the label of the answer that must stand alone.
interview-exclusive-combined = "{ $option }" cannot be combined with other choices.
interview-tick-one = Tick at least one answer, or "{ $option }".
# $expected: what the answer must be, such as "a whole number of years from 0 to 120".
interview-please-enter = Please enter { $expected }.

## Leaving

interview-leave = Leave now?
interview-leave-lost = Leave now? Your answers will be lost.
# $draft: the draft file.
interview-leave-draft = Leave now? Your answers so far are kept in the draft { $draft }; continue later with --resume.
interview-left-draft = Interview left. Your answers so far are in the draft { $draft }; continue with: smp-screen --resume { $draft }
interview-cancelled = Interview cancelled; nothing was saved.
# When a signal (SIGTERM, SIGHUP, SIGQUIT) ends the interview.
interview-stopped = Interview stopped by a signal.

## The review and the offer to stop early

interview-review-title = Review your answers. Choose one to change it, or confirm to see the result.
interview-review-confirm = All correct: show the result
interview-review-back = Back to the last question
interview-review-leave = Leave without a result
interview-stop-title = SMP is not advisable now, whatever the remaining answers:
interview-stop-here = Stop here and see the result
interview-stop-continue = Continue, for a complete record of risks and advice

## Plain mode (numbered lines, typed answers)

interview-plain-pick = Type a number and press Enter:
# $answer: what was chosen, in words.
interview-plain-chose = Chose: { $answer }
# $count: how many choices there are.
interview-plain-from-one = Please type a number from 1 to { $count }.
interview-plain-from-zero = Please type a number from 0 to { $count }.
# $question: the question asked before leaving.
interview-plain-leave = { $question } Type y to leave, or Enter to go on:
# What may be typed for "yes" when asked whether to leave, separated by spaces.
interview-plain-yes-words = y yes
interview-plain-no-answers = No answers yet.
interview-plain-answers-so-far = Your answers so far:
interview-plain-earlier = Earlier answer: { $answer }. Press Enter to keep it.
# $count: how many choices there are.
interview-plain-type-multiple = Type the numbers of every answer that applies (1 to { $count }), separated by spaces or commas; ? for "{ $dontknow }", < to go back, r to review, q to leave:
interview-plain-type-single = Type the number of your answer (1 to { $count }); ? for "{ $dontknow }", < to go back, r to review, q to leave:
# $expected: what the answer must be, such as "a whole number of years from 0 to 120".
interview-plain-type-number = Type { $expected }; ? for "{ $dontknow }", < to go back, r to review, q to leave:
interview-plain-nothing-typed = Nothing typed.
interview-plain-the-choices = The choices are:
# $typed: what was typed.
interview-plain-not-a-choice = "{ $typed }" is not one of the choices: type a number from 1 to { $count }.
interview-plain-one-number = Type one number from 1 to { $count }.
interview-plain-review = Review your answers.
interview-plain-review-ask = Type 0 to see the result, a number from 1 to { $count } to change that answer, < to go back to the last question, q to leave:
interview-plain-what-now = What now?
# $title: what is asked; $default: what Enter gives.
interview-plain-line = { $title } (Enter for { $default }, q to give up):

## The drawn interview's line editor

interview-line-default = Press Enter for: { $default }

## Continuing from a draft

interview-resume-kept =
    { $count ->
        [one] Continuing an interview: { $count } answer kept.
       *[other] Continuing an interview: { $count } answers kept.
    }
# $question: the short name of the question; $answer: the answer in words.
interview-resume-answer = Kept: { $question }: { $answer }
interview-resume-dropped = No longer asked, so dropped: { $question }.
# $was, $now: the rulebook's versions.
interview-resume-changed = The rulebook has changed since this draft was saved (it was version { $was }, now { $now }): answers that still fit are kept, the others are asked again.
# $question: the question (its short name, or its id in quotes); $problem: why.
interview-resume-no-longer = No longer applies, so it is asked again or dropped: { $question } ({ $problem }).
interview-resume-an-answer = an answer
# $error: why the draft could not be written.
interview-draft-failed = Warning: the draft could not be kept: { $error }
# $draft: the draft file.
interview-draft-remains = The draft { $draft } still holds your answers; remove it when you no longer need it.

## The end: the report and saving it

interview-more-paged = Press Enter to read the full report (q closes it).
interview-more-follows = The full report follows.
interview-more-stdout = The full report is written to standard output.
# $file: the file written.
interview-saved-handout = Saved the handout to { $file }
interview-saved-record = Saved a record to { $file }
interview-save-patient = Save this result to a file? The file stays on this computer; nothing is sent anywhere.
interview-save-consultant = Save this result? Files stay on this computer; nothing is sent anywhere.
interview-save-none = No, finish
interview-save-handout = Save the handout: a printable page with the result, the reasons and the advice
interview-save-record = Save the record: the answers and the result as JSON, for a clinic's files
interview-save-both = Save both
interview-save-handout-name = File name for the handout
interview-save-record-name = File name for the record
interview-saved-handout-said = Saved the handout to { $file }. It holds your answers in words, the result and the advice; nothing that names you.
interview-saved-record-said = Saved the record to { $file }. It holds the answers, the result, the rulebook's version and the time; nothing that names you.
# $error: why the file could not be written.
interview-save-failed = { $error } Type another name.
interview-save-exists = { $file } already exists and is never replaced: type another name.

## Errors that stop the interview before it starts (on standard error)

# $columns, $rows: the terminal's size; $min_columns, $min_rows: the least it needs.
interview-error-too-small =
    error: this terminal is { $columns } columns by { $rows } rows, too small to draw the interview (it needs at least { $min_columns } by { $min_rows }).
    Make the window larger, or answer as numbered lines with: smp-screen --plain
# $draft: the draft file.
interview-error-draft-exists =
    error: a draft of an unfinished interview exists at { $draft }.
    Continue it with: smp-screen --resume { $draft }
    or remove it first to start again.
