# The rulebook in print (`smp-screen rules print`): an intake form to fill in by hand and a
# rule table for clinical review. The English is the source; see locales/en/smp-screen.ftl.

## The intake form

# The form's heading and the page title. $title: the rulebook's title.
print-title = { $title }: intake form
# The rulebook's identity under the heading. $id: its id (already marked as code);
# $version; $review: its review status (from report-review-*); $due: the date its
# next review is due.
print-rulebook = Rulebook { $id } version { $version }, { $review }; review due { $due }.
# Before a question's help text.
print-why-we-ask = Why we ask:
# Skip logic. $condition: when the question is asked, in words.
print-only-if = Only if { $condition }.
# How to answer on paper.
print-hint-tick-one = tick one
print-hint-tick-all = tick all that apply
print-hint-write-number = write a number
# Before the line where a number is written.
print-answer = Answer:
# After the line for a number, on the HTML form. $option: the "don't know" answer.
print-or-box = or ☐ { $option }
# Under a question. $rules: the rules that read its answer, with their ids.
print-read-by = Read by rules: { $rules }

## The rule table

print-rules-heading = Rules for clinical review
print-column-rule = Rule
print-column-when = When
print-column-then = Then
print-column-rationale = Rationale
print-column-source = Source
print-column-evidence = Evidence
# A rule's effects, joined with "; ". $verdict: the verdict's contract word.
print-effect-verdict =
    verdict { $verdict ->
        [suitable] suitable
        [caution] caution
        [refer] refer
       *[unsuitable] unsuitable
    }
# $risks: the risks, each as print-risk, joined with ", ".
print-effect-risks = risks: { $risks }
# One risk and its severity (the contract word high, medium or low).
print-risk =
    { $risk } ({ $severity ->
        [high] high
        [medium] medium
       *[low] low
    })
print-effect-advice = advice: { $advice }
# $facts: the ids of the facts the rule derives.
print-effect-derives = derives: { $facts }
print-effect-recheck-months =
    { $count ->
        [one] screen again after { $count } month
       *[other] screen again after { $count } months
    }
print-effect-recheck-weeks =
    { $count ->
        [one] screen again after { $count } week
       *[other] screen again after { $count } weeks
    }
