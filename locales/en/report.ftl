# The words of the reports (text, Markdown, HTML handout, JSON texts, batch headline) and
# of the summary that ends an interview, in English, the source language. Translate the
# text right of `=`; keep ids, `{ $variables }` and the bracketed ids `[ ... ]` as they are.
# Several messages are joined with a colon or a bullet by the code; a message is always a
# whole sentence or a whole heading.

## Verdicts, inks, evidence, severities (words.rs)

# The verdict labels shown to a person (the JSON keeps `suitable`, `caution`, ... whatever
# the language).
report-verdict-suitable = SUITABLE
report-verdict-caution = CAUTION
report-verdict-refer = REFER
report-verdict-unsuitable = UNSUITABLE

# The verdict as a lowercase word, in rule lists ("→ refer").
report-verdict-word-suitable = suitable
report-verdict-word-caution = caution
report-verdict-word-refer = refer
report-verdict-word-unsuitable = unsuitable

# What the verdict means, for a patient and for a consultant.
report-meaning-patient-suitable = Nothing in your answers argues against SMP. A practitioner still has to see your scalp before any treatment.
# An incomplete result whose verdict so far is suitable: the missing answers could change it.
report-meaning-patient-suitable-so-far = Nothing you have answered argues against SMP, but the questions still open could change that. A practitioner still has to see your scalp before any treatment.
report-meaning-patient-caution = SMP may suit you, but only with the conditions below in mind.
report-meaning-patient-refer = See a physician first: something in your answers needs a doctor's opinion before any SMP.
report-meaning-patient-unsuitable = SMP is not advisable now.
report-meaning-consultant-suitable = No contraindication or caution identified by the screen.
report-meaning-consultant-suitable-so-far = No contraindication or caution among the answers given; the open questions could still change the result.
report-meaning-consultant-caution = Candidate with conditions: address the risks and advice before treatment.
report-meaning-consultant-refer = Medical clearance required before treatment.
report-meaning-consultant-unsuitable = Not a candidate at present.

# Headings of the ink section (the code adds a colon where the format wants one).
report-ink-heading = Ink
report-ink-heading-so-far = Ink so far
report-ink-heading-refer-patient = Ink, if a physician agrees
report-ink-heading-refer-consultant = Ink (subject to medical clearance)

# The ink recommended.
report-ink-patient-temporary = fading ("temporary") pigment
report-ink-patient-permanent = permanent pigment
report-ink-patient-either = either fading or permanent pigment
report-ink-patient-none = none for now
report-ink-consultant-temporary = temporary (resorbable) pigment
report-ink-consultant-permanent = permanent pigment
report-ink-consultant-either = temporary or permanent pigment
report-ink-consultant-none = none (not a candidate at present)

# The ink in one word, in headlines ("ink either or temporary") and what-if lines.
report-ink-short-temporary = temporary
report-ink-short-permanent = permanent
report-ink-short-either = either
report-ink-short-none = none

report-ink-note-patient-either = Nothing in your answers points to one ink. Fading ink has to be redone every year or few and may leave a faint trace; permanent ink fades slowly but does not go away on its own.
report-ink-note-consultant-either = No rule constrains the pigment choice; decide with the patient.

# A rule's effect on the ink, in sentences ("rules out permanent ink").
report-effect-forbid-permanent = rules out permanent ink
report-effect-forbid-temporary = rules out fading ink
report-effect-prefer-temporary = favours fading ink
report-effect-prefer-permanent = favours permanent ink
# The same, short, beside a rule in the text report.
report-effect-short-forbid-permanent = rules out permanent
report-effect-short-forbid-temporary = rules out temporary
report-effect-short-prefer-temporary = favours temporary
report-effect-short-prefer-permanent = favours permanent
report-effect-short-unknown = shapes the ink
# The same as a tag beside a rule id, for the consultant ("forbid permanent").
report-effect-tag-forbid-permanent = forbid permanent
report-effect-tag-forbid-temporary = forbid temporary
report-effect-tag-prefer-temporary = prefer temporary
report-effect-tag-prefer-permanent = prefer permanent

# How strong the evidence behind a rule is.
report-evidence-patient-clinical = studies show this
report-evidence-patient-practitioner = clinics report this
report-evidence-patient-marketing = only advertising claims this
report-evidence-patient-inference = reasoned, not yet studied
report-evidence-consultant-clinical = clinical literature
report-evidence-consultant-practitioner = practitioner opinion
report-evidence-consultant-marketing = marketing claim
report-evidence-consultant-inference = inference

# Severity of a risk, as a tag (uppercase) and as a word in tables.
report-severity-high = HIGH
report-severity-medium = MEDIUM
report-severity-low = LOW
report-severity-word-high = high
report-severity-word-medium = medium
report-severity-word-low = low

# The rulebook's review status.
report-review-draft = not yet reviewed by a clinician
report-review-reviewed = reviewed by { $by } on { $date }
report-review-changed = changed since its review on { $date }, so not yet reviewed by a clinician as it stands
# A warning on standard error when the rulebook's review date has passed.
report-review-overdue = warning: rulebook { $id } { $version } was due for clinical review on { $date }

## Dates and waits

# A date written for a person. $iso: 2026-12-02; $day: 2; $month: the month's name
# (below); $year: 2026. English keeps the ISO form.
report-date = { $iso }
report-month-1 = January
report-month-2 = February
report-month-3 = March
report-month-4 = April
report-month-5 = May
report-month-6 = June
report-month-7 = July
report-month-8 = August
report-month-9 = September
report-month-10 = October
report-month-11 = November
report-month-12 = December

report-wait-months =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
report-wait-weeks =
    { $count ->
        [one] { $count } week
       *[other] { $count } weeks
    }
# $date: the day from which to screen again; $wait: "6 months".
report-recheck = Screen again from { $date } (in { $wait }).
# $rules: rule ids, comma-separated.
report-rules = Rules: { $rules }.
report-rules-lower = rules: { $rules }

## The headline (every format, JSON and the batch's CSV)

# $from, $to: verdict labels.
report-range = { $from } to { $to }
# $range: one label or "SUITABLE to UNSUITABLE"; $count: unanswered questions.
report-headline-range =
    Not complete: { $range }, depending on { $count ->
        [one] { $count } unanswered question
       *[other] { $count } unanswered questions
    }
# $ink, $worst_ink: the inks in one word.
report-headline-ink =
    Not complete: { $range }, ink { $ink } or { $worst_ink }, depending on { $count ->
        [one] { $count } unanswered question
       *[other] { $count } unanswered questions
    }
report-headline-same =
    Not complete: { $range } whatever the answers, but { $count ->
        [one] { $count } unanswered question
       *[other] { $count } unanswered questions
    } could still add risks or advice

## What could still change a provisional result

# Lists of question names: $rest is "a, b", $last the last name.
report-list-and = { $rest } and { $last }
report-list-or = { $rest } or { $last }
# For the consultant. $rule: id; $title; $verdict: label; $ink: ink name; $questions.
report-pending-consultant-verdict = [{ $rule }] { $title }: would give { $verdict }; decided by { $questions }
report-pending-consultant-ink = [{ $rule }] { $title }: would give ink { $ink }; decided by { $questions }
report-pending-consultant-both = [{ $rule }] { $title }: would give { $verdict }, ink { $ink }; decided by { $questions }
# For the patient.
report-pending-patient-verdict = { $title }: could make the result { $verdict }. It depends on your answer about { $questions }.
report-pending-patient-ink = { $title }: could change the ink to { $ink }. It depends on your answer about { $questions }.
report-pending-patient-both = { $title }: could make the result { $verdict } with { $ink }. It depends on your answer about { $questions }.
report-physician-consultant = See a physician first if the answer on { $questions } calls for it: medical clearance may be required, so do not treat until it is known.
report-physician-patient = See a physician first if your answer about { $questions } gives a reason to. Until you know, do not go ahead.
report-still-change = What could still change it
report-undecided-harmless = Unanswered questions leave some rules undecided, though none of them would change the verdict or the ink.
# $questions: question ids.
report-unanswered = Unanswered: { $questions }
report-more = and { $count } more
report-more-see = and { $count } more (see --explain or the JSON output)

## What would change the result

# $question: the question's short name; $answer: the answer's label.
report-what-if-change = { $question } were "{ $answer }"
report-what-if-and = { $first } and { $next }
# $from, $to: inks in one word.
report-what-if-ink = ink { $from } → { $to }
# $changes: the changes; $outcome: "CAUTION → SUITABLE, ink either → temporary".
report-what-if = If { $changes }: { $outcome }
report-what-if-better = What would change this
report-what-if-worse = What would make it worse

## Headings and sentences shared by the formats

# $title, $version: the rulebook's.
report-text-title = SMP screening · { $title } { $version }
report-title = SMP screening: { $headline }
# $meaning: what the verdict means.
report-so-far = So far: { $meaning }
report-verdict-heading = Verdict
report-verdict-so-far-heading = Verdict so far
# $worst: the worst verdict as a word.
report-not-complete-at-worst = not complete; at worst { $worst }
report-why = Why
report-because = Because
report-reasons-above = and for the reasons above.
report-ink-conflict-consultant = Ink conflict: fired rules rule out both pigments; the verdict was raised to refer.
report-ink-conflict-patient = Your answers rule out both kinds of ink, so a physician needs to decide first.
report-no-ink = No ink is recommended while SMP is not advisable.
report-risks = Risks
report-risks-serious-first = Risks, most serious first
report-advice = Advice
report-advice-now = What to do now
report-advice-later = If SMP becomes possible later
report-what-to-do = What to do
report-advice-first = first
report-rules-fired = Rules fired
report-source = Source: { $source }
report-evidence = Evidence: { $evidence }
report-rationale = Rationale: { $rationale }
report-undecided-heading = Undecided rules (unanswered questions)
report-undecided-rules = Undecided rules
# $verdict: " → refer" or nothing; $questions: question ids.
report-undecided-line = [{ $rule }] { $title }{ $verdict }; decided by: { $questions }
report-undecided-line-md = { $rule } { $title }: decided by { $questions }
report-ignored-consultant = Answers not used (question did not apply): { $questions }
report-ignored-patient = Some answers were not needed, because the questions did not apply to you: { $questions }.
# $id, $version, $sha: short, $review: the review status.
report-text-footer = Rulebook { $id } { $version } (sha256 { $sha }…), { $review }
report-md-footer = Rulebook { $id } { $version } (sha256 { $sha }), { $review }; { $tool } { $tool_version }.
report-html-footer = Rulebook { $id } { $version } (sha256 { $sha }), { $review }, review due { $due }; { $tool } { $tool_version }.
report-reference = Reference
report-reprinted = Re-printed from the record made { $made }, with the result recorded then.

## HOW and WHY (with --explain)

report-how = How this was decided
report-how-verdict-none = Verdict { $verdict }: no rule raised it.
report-how-verdict = Verdict { $verdict }, given by { $rules }
# $verdict: a verdict word; $rule: the rule.
report-how-from = { $verdict } from { $rule }
report-how-overrides = ; it overrides { $list }
report-how-ink = Ink { $ink }
report-how-because-of = , because of { $list }
report-state-fired = fired
report-state-possible = possible
report-how-undecided-consultant = Undecided rules, and what would decide them:
report-how-undecided-patient = Not yet decided, because some answers are missing:
report-why-asked = Why each question was asked
report-read-by = Read by: { $rules }.

## Tables

report-col-severity = Severity
report-col-risk = Risk
report-col-detail = Detail
report-col-rules = Rules
report-col-meaning = What it means
report-col-rule = Rule
report-col-verdict = Verdict
report-col-rationale = Rationale
report-col-source = Source
report-col-evidence = Evidence
report-col-question = Question
report-col-answer = Answer
report-answers-given = Answers given
report-your-answers = Your answers
report-not-used-long = (not used: the question did not apply)
report-not-used = (not used)

## The HTML handout

report-html-heading = Scalp micropigmentation: screening result
# $date: the day screened; $title, $version, $review: the rulebook's.
report-html-screened = Screened on { $date } with { $title } (version { $version }, { $review }). A screening aid, not a diagnosis.
report-html-rules-behind = Rules behind this result
report-html-please-note = Please note
report-html-name = Name
report-html-birth = Date of birth
report-html-by-hand = Name and date of birth are written here by hand; smp-screen does not store them.
report-html-signature = Consultant's signature
report-html-date = Date
report-html-capitals = Name in capitals

## The summary at the end of an interview

report-summary-heading = Your result, in short
report-summary-verdict = Verdict: { $verdict }
# $verdict: the worst verdict the result could still take.
report-summary-missing-refer = Answers that decide the result are missing, so it could still be { $verdict }. Do not go ahead until they are answered; a physician may need to see you first.
report-summary-missing = Answers that decide the result are missing, so it could still be { $verdict }. Do not go ahead until they are answered.
report-summary-reasons = Main reasons:
report-summary-more-reasons = and { $count } more in the full report
report-summary-first-steps = First things to do:
report-summary-more-advice =
    { $count ->
        [one] { $count } more piece of advice in the full report
       *[other] { $count } more pieces of advice in the full report
    }
