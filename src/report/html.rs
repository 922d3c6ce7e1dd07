//! The HTML handout: one self-contained page a consultant can print or email to the
//! patient. Every colour also has words, borders or symbols beside it, so the page reads
//! the same printed in black and white.

use super::{Context, Report, what_if_lines, words};
use crate::answers::Slot;
use crate::audience::Audience;
use crate::describe;
use crate::html_page;
use crate::rulebook::{Severity, Verdict};
use crate::sanitize::html as esc;
use std::io::{self, Write};

/// The printable handout.
pub struct Html;

const STYLE: &str = "
.verdict { border: 3px solid #111; padding: .6rem 1rem; margin: 1rem 0; break-inside: avoid; }
.verdict .label { font-size: 1.5rem; font-weight: bold; letter-spacing: .05em; }
.verdict .mark { font-size: 1.3rem; margin-right: .4rem; }
.v-suitable { border-style: solid; } .v-caution { border-style: dashed; }
.v-refer, .v-unsuitable { border-width: 5px; border-style: double; }
.v-provisional { border-style: dotted; border-width: 4px; } .v-provisional .label { font-size: 1.25rem; }
.provisional { border-left: 4px solid #111; padding-left: .7rem; }
.sev { display: inline-block; min-width: 4.5rem; font-size: .75rem; font-weight: bold; text-transform: uppercase; border: 1px solid #111; text-align: center; margin-right: .4rem; }
.sev-high { background: #111; color: #fff; } .sev-medium { border-width: 2px; }
ul.items { padding-left: 1.2rem; } ul.items li { margin: .35rem 0; break-inside: avoid; }
.swatch { display: inline-block; width: 1.6em; height: 1em; border: 1px solid #111; vertical-align: -.15em; margin-right: .35rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td.q { width: 45%; } .why { color: #444; font-size: .85rem; }
.sign { margin-top: 2rem; } .sign span { display: inline-block; border-bottom: 1px solid #111; width: 14rem; margin: 0 1rem 0 .3rem; }
@media print { .verdict { break-after: avoid; } .sev-high { background: none; color: #111; border: 3px double #111; } }
";

impl Report for Html {
    fn render(&self, cx: &Context, out: &mut dyn Write) -> io::Result<()> {
        let s = cx.screening;
        let consultant = s.audience == Audience::Consultant;
        html_page::head(out, &format!("SMP screening: {}", s.headline), STYLE)?;
        writeln!(out, "<h1>Scalp micropigmentation: screening result</h1>")?;
        writeln!(
            out,
            "<p class=\"meta\">Screened on {} with {} (version {}, {}). A screening aid, not a diagnosis.</p>",
            crate::date::Date::today(),
            esc(s.rulebook.title),
            esc(s.rulebook.version),
            esc(s.rulebook.review)
        )?;

        // A provisional result has its own box and symbol, never the tick of a suitable one.
        let (mark, class) = match s.verdict {
            _ if s.provisional => ("◐", "v-provisional"),
            Verdict::Suitable => ("✓", "v-suitable"),
            Verdict::Caution => ("!", "v-caution"),
            Verdict::Refer => ("✚", "v-refer"),
            Verdict::Unsuitable => ("✕", "v-unsuitable"),
        };
        writeln!(out, "<div class=\"verdict {class}\">")?;
        writeln!(
            out,
            "<div><span class=\"mark\">{mark}</span><span class=\"label\">{}</span></div>",
            esc(&s.headline)
        )?;
        if s.provisional {
            writeln!(out, "<p>So far: {}</p>", esc(s.verdict_meaning))?;
        } else {
            writeln!(out, "<p>{}</p>", esc(s.verdict_meaning))?;
        }
        if s.verdict > Verdict::Suitable && !s.verdict_because.is_empty() {
            writeln!(out, "<p>Because:</p><ul class=\"items\">")?;
            for f in s.fired.iter().filter(|f| s.verdict_because.contains(&f.rule)) {
                let text = if consultant { f.title } else { f.summary };
                writeln!(out, "<li>{}{}</li>", esc(text), rule_ref(consultant, f.rule))?;
            }
            writeln!(out, "</ul>")?;
        }
        writeln!(out, "</div>")?;

        if s.provisional {
            provisional(cx, out)?;
        }

        let mut ink_heading = words::ink_heading(s.verdict, s.audience).trim_end_matches(':');
        if s.provisional && s.worst_case.ink != s.ink && ink_heading == "Ink" {
            ink_heading = "Ink so far";
        }
        writeln!(out, "<h2>{}</h2>", esc(ink_heading))?;
        writeln!(
            out,
            "<p><strong>{}</strong></p>",
            esc(words::ink_name(s.ink, s.audience))
        )?;
        if !s.ink_because.is_empty() {
            writeln!(out, "<ul class=\"items\">")?;
            for r in &s.ink_because {
                writeln!(out, "<li>{}{}</li>", esc(r.text), rule_ref(consultant, r.rule))?;
            }
            writeln!(out, "</ul>")?;
        }
        if let Some(note) = words::ink_note(s.ink, s.audience) {
            writeln!(out, "<p>{}</p>", esc(note))?;
        }

        if !s.risks.is_empty() {
            writeln!(out, "<h2>Risks, most serious first</h2>\n<ul class=\"items\">")?;
            for r in &s.risks {
                let class = match r.severity {
                    Severity::High => "sev-high",
                    Severity::Medium => "sev-medium",
                    Severity::Low => "sev-low",
                };
                writeln!(
                    out,
                    "<li><span class=\"sev {class}\">{}</span><strong>{}</strong>: {}{}</li>",
                    words::severity_label(r.severity),
                    esc(r.title),
                    esc(r.text),
                    rule_refs(consultant, &r.because)
                )?;
            }
            writeln!(out, "</ul>")?;
        }

        if !s.advice.is_empty() {
            writeln!(out, "<h2>What to do</h2>\n<ul class=\"items\">")?;
            for a in &s.advice {
                let first = if a.urgent {
                    "<span class=\"sev sev-high\">first</span>"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "<li>{first}<strong>{}</strong>: {}{}</li>",
                    esc(a.title),
                    esc(a.text),
                    rule_refs(consultant, &a.because)
                )?;
            }
            writeln!(out, "</ul>")?;
        }

        if let Some((lines, more)) = what_if_lines(cx, true) {
            writeln!(out, "<h2>What would change this</h2>\n<ul class=\"items\">")?;
            for line in &lines {
                writeln!(out, "<li>{}</li>", esc(line))?;
            }
            if more > 0 {
                writeln!(out, "<li>and {more} more</li>")?;
            }
            writeln!(out, "</ul>")?;
        }

        answers(cx, out)?;

        if consultant && !s.fired.is_empty() {
            writeln!(out, "<h2>Rules behind this result</h2>")?;
            writeln!(
                out,
                "<table>\n<tr><th>Rule</th><th>Rationale</th><th>Source</th><th>Evidence</th></tr>"
            )?;
            for f in &s.fired {
                writeln!(
                    out,
                    "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(f.rule),
                    esc(f.title),
                    esc(f.rationale.unwrap_or("—")),
                    esc(f.source.unwrap_or("—")),
                    words::evidence_cell(f.evidence)
                )?;
            }
            writeln!(out, "</table>")?;
        }

        writeln!(
            out,
            "<h2>Please note</h2>\n<p class=\"disclaimer\">{}</p>",
            esc(s.disclaimer)
        )?;
        writeln!(
            out,
            "<p class=\"meta\">Rulebook <code>{}</code> {} (sha256 <code>{}</code>), {}, review due {}; {} {}.</p>",
            esc(s.rulebook.id),
            esc(s.rulebook.version),
            esc(&s.rulebook.sha256[..s.rulebook.sha256.len().min(16)]),
            esc(s.rulebook.review),
            esc(s.rulebook.review_due),
            s.tool.name,
            s.tool.version
        )?;
        if consultant {
            writeln!(
                out,
                "<p class=\"sign\">Consultant<span></span> Date<span style=\"width: 8rem\"></span></p>"
            )?;
        }
        html_page::tail(out)
    }
}

/// The answers given, in asking order, with colour swatches for skin and hair.
fn answers(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let rb = cx.rulebook;
    let audience = cx.screening.audience;
    let rows: Vec<usize> = (0..rb.questions.len())
        .filter(|&q| !matches!(cx.answers.slot(q), Slot::Missing))
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h2>Your answers</h2>\n<table>")?;
    for q in rows {
        let question = &rb.questions[q];
        let parts = describe::answer(question, cx.answers.slot(q), audience);
        let answer: Vec<String> = parts
            .iter()
            .map(|p| match p.swatch {
                Some(rgb) => format!(
                    "<span class=\"swatch\" style=\"background: {}\"></span>{}",
                    rgb.hex(),
                    esc(&p.text)
                ),
                None => esc(&p.text),
            })
            .collect();
        // An answer to a question that turned out not to apply was not used.
        let unused = if cx.screening.ignored.contains(&question.id.as_str()) {
            " <span class=\"why\">(not used: the question did not apply)</span>"
        } else {
            ""
        };
        let prompt = question.prompt_for(audience);
        writeln!(
            out,
            "<tr><td class=\"q\">{}</td><td>{}{unused}</td></tr>",
            esc(prompt),
            answer.join("<br>")
        )?;
    }
    writeln!(out, "</table>")?;
    Ok(())
}

/// A rule id in brackets, for the consultant's copy.
fn rule_ref(consultant: bool, id: &str) -> String {
    if consultant {
        format!(" <code>[{}]</code>", esc(id))
    } else {
        String::new()
    }
}

/// Rule ids in brackets, for the consultant's copy.
fn rule_refs(consultant: bool, ids: &[&str]) -> String {
    if consultant && !ids.is_empty() {
        let ids: Vec<String> = ids.iter().map(|i| esc(i)).collect();
        format!(" <code>[{}]</code>", ids.join(", "))
    } else {
        String::new()
    }
}

/// What could still change a provisional result, and whether a physician may be needed.
fn provisional(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let Some(p) = super::pending_words(cx) else {
        return writeln!(
            out,
            "<p class=\"provisional\">Unanswered questions leave some rules undecided, though none of them would change the verdict or the ink.</p>"
        );
    };
    writeln!(
        out,
        "<div class=\"provisional\"><p><strong>What could still change it</strong></p>\n<ul class=\"items\">"
    )?;
    for line in &p.lines {
        writeln!(out, "<li>{}</li>", esc(line))?;
    }
    if p.more > 0 {
        writeln!(out, "<li>and {} more</li>", p.more)?;
    }
    writeln!(out, "</ul>")?;
    if let Some(physician) = &p.physician {
        writeln!(out, "<p><strong>{}</strong></p>", esc(physician))?;
    }
    writeln!(out, "</div>")
}
