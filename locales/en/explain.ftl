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


## replay: a saved record screened again, and what changed

# $when: when the record was made; $tool and $version: the tool that made it.
explain-replay-made = Record made { $when } by { $tool } { $version }.
# The same, for a record with a label ($label).
explain-replay-made-labelled = Record made { $when } by { $tool } { $version }, labelled "{ $label }".
# $rulebook: the rulebook's id, version and hash.
explain-replay-same-rulebook = Rulebook: the same as recorded, { $rulebook }.
explain-replay-rulebook-changed = The rulebook has changed.
explain-replay-recorded-with = Recorded with { $recorded }, screened now with { $now }.
explain-replay-same-version = Its version is the same: it was edited without a new version number.
# $answer: the answer, as the record gives it, and why it is no longer accepted.
explain-replay-dropped = Answer no longer accepted, now unanswered: { $answer }
# $verdict: the verdict (explain-replay-verdict-label); $ink: the ink (explain-replay-value).
explain-replay-unchanged = Result unchanged: { $verdict } with { $ink } ink, the same risks and advice.
explain-replay-changed = Result changed:
# One part of the result: $name (explain-replay-name-*), $before and $after its values
# (explain-replay-value).
explain-replay-change = { $name }: { $before } -> { $after }
explain-replay-no-change = { $name }: { $now } (unchanged)
explain-replay-name-verdict = Verdict
explain-replay-name-ink = Ink
explain-replay-name-status = Status
explain-replay-name-worst-case = Worst case
explain-replay-name-worst-case-ink = Worst-case ink
# A value of the result as the record and the JSON write it (verdict, ink or status);
# any other value is shown as it is.
explain-replay-value =
    { $value ->
        [suitable] suitable
        [caution] caution
        [refer] refer
        [unsuitable] unsuitable
        [temporary] temporary
        [permanent] permanent
        [either] either
        [none] none
        [complete] complete
        [provisional] provisional
       *[other] { $value }
    }
# The verdict as a label, for "Result unchanged".
explain-replay-verdict-label =
    { $value ->
        [suitable] SUITABLE
        [caution] CAUTION
        [refer] REFER
        [unsuitable] UNSUITABLE
       *[other] { $value }
    }
# $rule: a rule's id; $title: its title.
explain-replay-pending-added = Now undecided and able to change the result: { $rule } ({ $title })
explain-replay-pending-removed = No longer undecided: { $rule }
# $id: a risk's or advice's id; $title: its title.
explain-replay-risk-added = Risks added: { $id } ({ $title })
explain-replay-risk-removed = Risks removed: { $id } ({ $title })
explain-replay-advice-added = Advice added: { $id } ({ $title })
explain-replay-advice-removed = Advice removed: { $id } ({ $title })

## replay of an archive: one line per record whose result changed, then a summary

# $record: the record's file; $reason: why it cannot be read.
explain-archive-unreadable = { $record }: cannot be replayed: { $reason }
# One change in a record's line: $name (explain-archive-name-*), $before, $after.
explain-archive-change = { $name } { $before } -> { $after }
explain-archive-name-verdict = verdict
explain-archive-name-ink = ink
explain-archive-name-status = status
explain-archive-name-worst-case = worst case
explain-archive-name-worst-case-ink = worst-case ink
# Ids added (+) and removed (-): $name (explain-archive-name-*), $ids.
explain-archive-ids = { $name } { $ids }
explain-archive-name-pending = pending
explain-archive-name-risks = risks
explain-archive-name-advice = advice
explain-archive-dropped = answers no longer accepted: { $answers }
# $total: records replayed; $rulebook, $version: the rulebook; $changed, $unchanged,
# $unreadable: how many of each.
explain-archive-summary =
    { $total ->
        [one] Replayed { $total } record with { $rulebook } { $version }: { $changed } changed, { $unchanged } unchanged, { $unreadable } could not be read.
       *[other] Replayed { $total } records with { $rulebook } { $version }: { $changed } changed, { $unchanged } unchanged, { $unreadable } could not be read.
    }
# $kinds: each kind of change with its count ("verdict 2, risks 1").
explain-archive-by-kind = Changes by kind: { $kinds }
explain-archive-kind-verdict = verdict
explain-archive-kind-ink = ink
explain-archive-kind-status = status (complete/provisional)
explain-archive-kind-worst-case = worst case
explain-archive-kind-pending = pending reasons
explain-archive-kind-risks = risks
explain-archive-kind-advice = advice
explain-archive-kind-answers = answers no longer accepted
