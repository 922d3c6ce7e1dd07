# The tool's own words in English, the source language. Each message has an id (left of
# `=`); other languages translate the text right of it and keep the ids and the
# `{ $variables }`. See the README, "Languages".

# The language's name in itself, for lists of languages.
language-name = English

## Choosing the language

# A usage error: `--lang` named a language neither the tool nor the rulebook has.
# $code: what was given; $available: the codes there are, such as "en, es, it".
unknown-language = there is no language `{ $code }`; available: { $available }

# Said once, on standard error, when some texts of the rulebook are not in the chosen
# language. $count: how many texts; $rulebook: the rulebook's id; $language: the
# language's name in itself.
rulebook-fallback =
    { $count ->
        [one] One text of the rulebook { $rulebook } has no current translation into { $language }; it is shown in English.
       *[other] { $count } texts of the rulebook { $rulebook } have no current translation into { $language }; they are shown in English.
    }

## rules translate

# $file: the locale file written; $kept, $todo, $stale: counts.
translate-summary =
    Wrote { $file }: { $kept ->
        [one] 1 translation kept
       *[other] { $kept } translations kept
    }, { $todo ->
        [one] 1 text to translate
       *[other] { $todo } texts to translate
    } (of them { $stale } out of date).
translate-complete = { $file } is complete: every text is translated from the current English.
translate-next = Fill in each empty "text", then run: smp-screen rules check --lang { $code }
translate-unknown =
    { $count ->
        [one] 1 entry names a text the rulebook no longer has; it is kept at the end of the file for you to move or delete.
       *[other] { $count } entries name texts the rulebook no longer has; they are kept at the end of the file for you to move or delete.
    }

## batch: progress and the line that ends a batch, on standard error

# The progress bar's count of rows read so far.
batch-progress-rows = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
# $rows: rows read; $screened: rows screened; $failed: rows that could not be screened;
# $verdicts: each verdict's count so far, joined with ", " (each one batch-verdict-count).
batch-summary = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}: { $screened } screened, { $failed } failed; { $verdicts }
# A verdict (lowercase word) and how many rows have it.
batch-verdict-count = { $verdict } { $count }
# After the summary when some results are not complete. $count: how many.
batch-not-complete = { $count } not complete
# In brackets after the summary: the first line numbers of failed rows. $lines: the list.
batch-failed-lines = failed lines: { $lines }
