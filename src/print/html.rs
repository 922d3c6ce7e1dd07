//! The rulebook as one self-contained HTML page (no external resources) that prints
//! cleanly: an intake form with tick boxes, then a rule table.

use super::{Print, answer_hint, effects, only_if, sections};
use crate::audience::Audience;
use crate::describe;
use crate::rulebook::{QuestionKind, Rulebook};
use crate::sanitize::html as esc;
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
        crate::html_page::head_in(out, &rb.language, &format!("{}: intake form", id.title), STYLE)?;
        writeln!(out, "<h1>{}: intake form</h1>", esc(&id.title))?;
        writeln!(
            out,
            "<p class=\"meta\">Rulebook <code>{}</code> version {}, {}; review due {}.</p>",
            esc(&id.id),
            esc(&id.version),
            esc(&rb.review_words),
            esc(&id.review_due)
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
                    answer_hint(question)
                )?;
                writeln!(
                    out,
                    "<p class=\"why\">Why we ask: {}</p>",
                    esc(question.help_for(audience))
                )?;
                if let Some(cond) = only_if(rb, question, audience) {
                    writeln!(out, "<p class=\"only\">{}</p>", esc(&cond))?;
                }
                match question.kind {
                    QuestionKind::Number => {
                        writeln!(out, "<p>Answer:<span class=\"line\"></span> or ☐ I don't know</p>")?
                    }
                    kind => {
                        writeln!(out, "<ul class=\"boxes\">")?;
                        let labels: Vec<&str> = match kind {
                            QuestionKind::YesNo => vec!["Yes", "No"],
                            _ => question.options.iter().map(|o| o.label_for(audience)).collect(),
                        };
                        for label in labels {
                            writeln!(out, "<li>{}</li>", esc(label))?;
                        }
                        writeln!(out, "<li>I don't know</li></ul>")?;
                    }
                }
                if !rb.read_by(q).is_empty() {
                    let list: Vec<String> = rb
                        .read_by(q)
                        .iter()
                        .map(|&r| format!("{} (<code>{}</code>)", esc(&rb.rules[r].title), esc(&rb.rules[r].id)))
                        .collect();
                    writeln!(out, "<p class=\"read\">Read by rules: {}</p>", list.join(", "))?;
                }
                writeln!(out, "</div>")?;
            }
        }
        writeln!(out, "<section class=\"rules\"><h2>Rules for clinical review</h2>")?;
        writeln!(
            out,
            "<table>\n<tr><th>Rule</th><th>When</th><th>Then</th><th>Rationale</th><th>Source</th><th>Evidence</th></tr>"
        )?;
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
                words::evidence_cell(rb.words(), rule.evidence)
            )?;
        }
        writeln!(out, "</table></section>")?;
        crate::html_page::tail(out)
    }
}
