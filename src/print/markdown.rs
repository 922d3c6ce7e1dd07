//! The rulebook as Markdown: an intake form, then a rule table.

use super::{Print, answer_hint, effects, only_if, review_status, sections};
use crate::audience::Audience;
use crate::describe;
use crate::rulebook::{QuestionKind, Rulebook};
use crate::sanitize::markdown as md;
use crate::tr;
use crate::words;
use std::io::{self, Write};

/// Markdown output.
pub struct MarkdownForm;

impl Print for MarkdownForm {
    fn print(&self, rb: &Rulebook, audience: Audience, out: &mut dyn Write) -> io::Result<()> {
        let id = &rb.identity;
        let words = rb.words();
        writeln!(out, "# {}\n", tr!(words, "print-title", title = &md(&id.title)))?;
        writeln!(
            out,
            "{}\n",
            tr!(
                words,
                "print-rulebook",
                id = &format!("`{}`", md(&id.id)),
                version = &md(&id.version),
                review = &md(&review_status(rb)),
                due = &md(&crate::words::written_iso(rb.words(), &id.review_due))
            )
        )?;
        writeln!(out, "*{}*\n", md(&id.disclaimer))?;
        let mut n = 0;
        for (section, questions) in sections(rb) {
            if let Some(s) = section {
                writeln!(out, "## {}\n", md(s))?;
            }
            for q in questions {
                n += 1;
                let question = &rb.questions[q];
                let unit = question
                    .unit
                    .as_deref()
                    .map(|u| format!(" ({})", md(u)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "**{n}. {}**{unit} — {}\n",
                    md(question.prompt_for(audience)),
                    answer_hint(words, question)
                )?;
                writeln!(
                    out,
                    "*{}* {}\n",
                    tr!(words, "print-why-we-ask"),
                    md(question.help_for(audience))
                )?;
                if let Some(cond) = only_if(rb, question, audience) {
                    writeln!(out, "*{}*\n", md(&cond))?;
                }
                match question.kind {
                    QuestionKind::Single | QuestionKind::Multiple => {
                        for option in &question.options {
                            writeln!(out, "- [ ] {}", md(option.label_for(audience)))?;
                        }
                    }
                    QuestionKind::YesNo => writeln!(
                        out,
                        "- [ ] {}\n- [ ] {}",
                        tr!(words, "explain-answer-yes"),
                        tr!(words, "explain-answer-no")
                    )?,
                    QuestionKind::Number => writeln!(out, "{} ________", tr!(words, "print-answer"))?,
                }
                writeln!(out, "- [ ] {}\n", describe::dont_know(words))?;
                if !rb.read_by(q).is_empty() {
                    let list: Vec<String> = rb
                        .read_by(q)
                        .iter()
                        .map(|&r| format!("{} (`{}`)", md(&rb.rules[r].title), rb.rules[r].id))
                        .collect();
                    writeln!(
                        out,
                        "<sub>{}</sub>\n",
                        tr!(words, "print-read-by", rules = &list.join(", "))
                    )?;
                }
            }
        }
        writeln!(out, "## {}\n", tr!(words, "print-rules-heading"))?;
        let columns = [
            tr!(words, "print-column-rule"),
            tr!(words, "print-column-when"),
            tr!(words, "print-column-then"),
            tr!(words, "print-column-rationale"),
            tr!(words, "print-column-source"),
            tr!(words, "print-column-evidence"),
        ];
        writeln!(out, "| {} |\n|---|---|---|---|---|---|", columns.join(" | "))?;
        for rule in &rb.rules {
            writeln!(
                out,
                "| `{}` {} | {} | {} | {} | {} | {} |",
                rule.id,
                md(&rule.title),
                md(&describe::condition(rb, &rule.when, Audience::Consultant)),
                md(&effects(rb, rule)),
                md(rule.rationale.as_deref().unwrap_or("—")),
                md(rule.source.as_deref().unwrap_or("—")),
                words::evidence_cell(words, rule.evidence)
            )?;
        }
        Ok(())
    }
}
