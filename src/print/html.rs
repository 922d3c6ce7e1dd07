//! The rulebook as one self-contained HTML page (no external resources) that prints
//! cleanly: an intake form with tick boxes, then a rule table.

use super::{Print, answer_hint, box_labels, effects, only_if, review_status, sections};
use crate::audience::Audience;
use crate::describe;
use crate::rulebook::{QuestionKind, Rulebook};
use crate::sanitize::html as esc;
use crate::tr;
use crate::words;
use std::io::{self, Write};

/// HTML output.
pub struct HtmlForm;

const STYLE: &str = "
.why, .only, .read { color: #444; font-size: .9rem; } .only { font-style: italic; }
.q { break-inside: avoid; margin: 1rem 0; } .q p { margin: .2rem 0; }
ul.boxes { list-style: none; padding-left: 1rem; margin: .3rem 0; } ul.boxes li::before { content: '\\2610\\00a0'; font-size: 1.1rem; }
.line { display: inline-block; border-bottom: 1px solid #111; width: 8rem; margin-left: 1rem; }
table { font-size: .8rem; }
@media print { .rules { break-before: page; } }
";

impl Print for HtmlForm {
    fn print(&self, rb: &Rulebook, audience: Audience, out: &mut dyn Write) -> io::Result<()> {
        let id = &rb.identity;
        let words = rb.words();
        // The tool's own words go in as they are (they hold no markup); every text from the
        // rulebook is escaped before it goes into a pattern.
        let title = tr!(words, "print-title", title = &id.title);
        crate::html_page::head_in(out, &rb.language, &title, STYLE)?;
        writeln!(out, "<h1>{}</h1>", tr!(words, "print-title", title = &esc(&id.title)))?;
        writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            tr!(
                words,
                "print-rulebook",
                id = &format!("<code>{}</code>", esc(&id.id)),
                version = &esc(&id.version),
                review = &esc(&review_status(rb)),
                due = &esc(&crate::words::written_iso(rb.words(), &id.review_due))
            )
        )?;
        writeln!(out, "<p class=\"disclaimer\">{}</p>", esc(&id.disclaimer))?;
        let mut n = 0;
        for (section, questions) in sections(rb) {
            if let Some(s) = section {
                writeln!(out, "<h2>{}</h2>", esc(s))?;
            }
            for q in questions {
                n += 1;
                let question = &rb.questions[q];
                let unit = question
                    .unit
                    .as_deref()
                    .map(|u| format!(" ({})", esc(u)))
                    .unwrap_or_default();
                writeln!(out, "<div class=\"q\">")?;
                writeln!(
                    out,
                    "<p><strong>{n}. {}</strong>{unit} <span class=\"meta\">({})</span></p>",
                    esc(question.prompt_for(audience)),
                    answer_hint(words, question)
                )?;
                writeln!(
                    out,
                    "<p class=\"why\">{} {}</p>",
                    tr!(words, "print-why-we-ask"),
                    esc(question.help_for(audience))
                )?;
                if let Some(cond) = only_if(rb, question, audience) {
                    writeln!(out, "<p class=\"only\">{}</p>", esc(&cond))?;
                }
                match question.kind {
                    QuestionKind::Number => writeln!(
                        out,
                        "<p>{}<span class=\"line\"></span> {}</p>",
                        tr!(words, "print-answer"),
                        tr!(words, "print-or-box", option = &describe::dont_know(words))
                    )?,
                    _ => {
                        writeln!(out, "<ul class=\"boxes\">")?;
                        let mut labels = box_labels(words, question, audience);
                        let dont_know = labels.pop().unwrap_or_default();
                        for label in labels {
                            writeln!(out, "<li>{}</li>", esc(&label))?;
                        }
                        writeln!(out, "<li>{dont_know}</li></ul>")?;
                    }
                }
                if !rb.read_by(q).is_empty() {
                    let list: Vec<String> = rb
                        .read_by(q)
                        .iter()
                        .map(|&r| format!("{} (<code>{}</code>)", esc(&rb.rules[r].title), esc(&rb.rules[r].id)))
                        .collect();
                    writeln!(
                        out,
                        "<p class=\"read\">{}</p>",
                        tr!(words, "print-read-by", rules = &list.join(", "))
                    )?;
                }
                writeln!(out, "</div>")?;
            }
        }
        writeln!(
            out,
            "<section class=\"rules\"><h2>{}</h2>",
            tr!(words, "print-rules-heading")
        )?;
        let columns: String = [
            tr!(words, "print-column-rule"),
            tr!(words, "print-column-when"),
            tr!(words, "print-column-then"),
            tr!(words, "print-column-rationale"),
            tr!(words, "print-column-source"),
            tr!(words, "print-column-evidence"),
        ]
        .iter()
        .map(|c| format!("<th>{c}</th>"))
        .collect();
        writeln!(out, "<table>\n<tr>{columns}</tr>")?;
        for rule in &rb.rules {
            writeln!(
                out,
                "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&rule.id),
                esc(&rule.title),
                esc(&describe::condition(rb, &rule.when, Audience::Consultant)),
                esc(&effects(rb, rule)),
                esc(rule.rationale.as_deref().unwrap_or("—")),
                esc(rule.source.as_deref().unwrap_or("—")),
                words::evidence_cell(words, rule.evidence)
            )?;
        }
        writeln!(out, "</table></section>")?;
        crate::html_page::tail(out)
    }
}
