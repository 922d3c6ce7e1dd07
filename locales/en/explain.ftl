# Explanations: conditions in words (printed forms, rule tables, lint messages), HOW a
# result was reached (each test with the answer it saw), WHY a question is asked and WHAT
# would change the result. The English is the source; see locales/en/smp-screen.ftl.
#
# Variables that hold rulebook texts ($question, $option, $title, $description …) are
# already in the language shown. Keep every { $variable } of a message.

## Answers in words

# A yes/no answer inside a sentence or a trace.
explain-yes = yes
explain-no = no
# A yes/no answer standing alone (a report's list of answers).
explain-answer-yes = Yes
explain-answer-no = No
# The "don't know" answer, as offered and as shown for an answer.
explain-dont-know = I don't know

## Number ranges
# $low and $high are numbers; a unit, when the question has one, follows the range.

explain-range-from-to = from { $low } to { $high }
explain-range-from-to-under = from { $low } to under { $high }
explain-range-above-to = above { $low } to { $high }
explain-range-above-to-under = above { $low } to under { $high }
explain-range-at-least = at least { $low }
explain-range-above = above { $low }
explain-range-at-most = at most { $high }
explain-range-under = under { $high }
explain-range-any = any number

## Conditions in words
# Used for "Only if …" on the printed form, the rule table's "When" column and the
# rulebook checker. $question is a question's short name; $option one answer option in
# quotes (explain-quoted); $options several, already joined.

# One option's label, quoted.
explain-quoted = "{ $text }"
explain-cond-always = always
# Two parts that must both hold; longer lists repeat the pattern: "a and b and c".
explain-cond-and = { $left } and { $right }
# Two parts of which one is enough.
explain-cond-or = { $left } or { $right }
# $count: how many parts must hold; $conditions: the parts, separated by "; ".
explain-cond-at-least = at least { $count } of ({ $conditions })
# $condition: a part in parentheses.
explain-cond-not = not { $condition }
# $fact: a derived fact's description.
explain-cond-not-fact = not: { $fact }
# $score: a score's title; $range: a number range.
explain-cond-score = { $score } is { $range }
explain-test-answered = { $question } is answered
explain-test-not-answered = { $question } is not answered
explain-test-choice = { $question } is { $option }
explain-test-choice-one-of = { $question } is one of { $options }
explain-test-not-choice = { $question } is not { $option }
explain-test-not-choice-one-of = { $question } is not one of { $options }
# A multiple-choice question with any answer except the ones that stand alone ("No scars").
explain-test-anything-but = { $question }: anything but { $option }
explain-test-anything-but-one-of = { $question }: anything but one of { $options }
explain-test-includes = { $question } includes { $option }
explain-test-includes-one-of = { $question } includes one of { $options }
explain-test-includes-none = { $question } includes none of { $options }
explain-test-yes = { $question }: yes
explain-test-no = { $question }: no
explain-test-not-yes = { $question }: not yes
explain-test-not-no = { $question }: not no
explain-test-number = { $question } is { $range }
explain-test-not-number = { $question } is not { $range }

## HOW: a condition traced against the answers
# Each line is marked ✔ (held), ✘ (did not) or ? (unknown) before the text.

explain-trace-always = always
explain-trace-all = all of:
explain-trace-any = any of:
explain-trace-not = not:
# $needed: how many parts must hold; $total: how many parts there are; $held: how many
# held; $unknown: how many are not known yet.
explain-trace-at-least =
    { $unknown ->
        [0] at least { $needed } of { $total } needed; { $held } of { $total } held:
       *[other] at least { $needed } of { $total } needed; { $held } of { $total } held, { $unknown } unknown:
    }
# A derived fact, for the consultant: $fact its id, $description its description.
explain-trace-fact = fact `{ $fact }`: { $description }
# The rule that derived a fact, and its condition: consultant ($rule, $title) and patient.
explain-trace-derived = derived by [{ $rule }] { $title }: { $condition }
explain-trace-because = because { $condition }
# A test on a question, for the consultant: $question is the question's id, $saw the
# answer it saw, $needed what it needed.
explain-trace-test-consultant = { $question } = { $saw }, needed { $needed }
# The same for a patient: $question is the question's short name.
explain-trace-test-patient = { $question }: { $saw } (needed: { $needed })
# A score's test: $score its title.
explain-trace-score = { $score } = { $saw }, needed { $needed }
# What a test saw when there is no answer to show.
# An option's label in a trace (the answer seen, or one of those needed).
explain-trace-option = { $text }
explain-saw-not-asked = not asked (does not apply)
explain-saw-not-answered = not answered
explain-saw-dont-know = don't know
# A score while some of its questions are unanswered.
explain-saw-between = between { $low } and { $high } so far
# What a test needed.
explain-needed-any-answer = any answer
explain-needed-one-of = one of { $options }
explain-needed-any-of = any of { $options }

## The engine's vocabulary (src/words.rs) that the explanations and the printed rule
## table need

# A rule's ink effect, in the consultant's words.
explain-effect-forbid-permanent = rules out permanent ink
explain-effect-forbid-temporary = rules out fading ink
explain-effect-prefer-temporary = favours fading ink
explain-effect-prefer-permanent = favours permanent ink
# The evidence column of the rule table.
explain-evidence-cell-clinical = clinical literature
explain-evidence-cell-practitioner = practitioner opinion
explain-evidence-cell-marketing = marketing claim
explain-evidence-cell-inference = inference
