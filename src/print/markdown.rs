//! The rulebook as Markdown: an intake form, then a rule table.

use super::{Print, answer_hint, effects, only_if, sections};
use crate::audience::Audience;
use crate::describe;
use crate::rulebook::{QuestionKind, Rulebook};
use crate::sanitize::markdown as md;
use crate::words;
use std::io::{self, Write};

/// Markdown output.
pub struct MarkdownForm;

impl Print for MarkdownForm {
    fn print(&self, rb: &Rulebook, audience: Audience, out: &mut dyn Write) -> io::Result<()> {
        let id = &rb.identity;
        writeln!(out, "# {}: intake form\n", md(&id.title))?;
        writeln!(
            out,
            "Rulebook `{}` version {}, {}; review due {}.\n",
            md(&id.id),
            md(&id.version),
            md(&rb.review_words),
            md(&id.review_due)
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
                    answer_hint(question)
                )?;
                writeln!(out, "*Why we ask:* {}\n", md(question.help_for(audience)))?;
                if let Some(cond) = only_if(rb, question, audience) {
                    writeln!(out, "*{}*\n", md(&cond))?;
                }
                match question.kind {
                    QuestionKind::Single | QuestionKind::Multiple => {
                        for option in &question.options {
                            writeln!(out, "- [ ] {}", md(option.label_for(audience)))?;
                        }
                    }
                    QuestionKind::YesNo => writeln!(out, "- [ ] Yes\n- [ ] No")?,
                    QuestionKind::Number => writeln!(out, "Answer: ________")?,
                }
                writeln!(out, "- [ ] I don't know\n")?;
                if !rb.read_by(q).is_empty() {
                    let list: Vec<String> = rb
                        .read_by(q)
                        .iter()
                        .map(|&r| format!("{} (`{}`)", md(&rb.rules[r].title), rb.rules[r].id))
                        .collect();
                    writeln!(out, "<sub>Read by rules: {}</sub>\n", list.join(", "))?;
                }
            }
        }
        writeln!(out, "## Rules for clinical review\n")?;
        writeln!(
            out,
            "| Rule | When | Then | Rationale | Source | Evidence |\n|---|---|---|---|---|---|"
        )?;
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
                words::evidence_cell(rb.words(), rule.evidence)
            )?;
        }
        Ok(())
    }
}
