//! The HTML handout: one self-contained page a consultant can print or email to the
//! patient. Every colour also has words, borders or symbols beside it, so the page reads
//! the same printed in black and white.

use super::{Context, Frame, Report, what_if_words};
use crate::answers::Slot;
use crate::audience::Audience;
use crate::describe;
use crate::html_page;
use crate::rulebook::{Severity, Verdict};
use crate::sanitize::html as esc;
use crate::words;
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
.patient { border: 1px solid #111; padding: .3rem .8rem; margin: .6rem 0; break-inside: avoid; }
.patient p { margin: .45rem 0; } .patient .label { font-size: 1.05rem; }
.blank { display: inline-block; border-bottom: 1px solid #111; width: 16rem; height: 1.1em; margin: 0 1rem 0 .4rem; vertical-align: bottom; }
.blank.short { width: 8rem; }
.sign { margin-top: 1.5rem; break-inside: avoid; } .sign p { margin: 1.2rem 0; }
dl.answers { columns: 2; column-gap: 1.5rem; font-size: .85rem; margin: .4rem 0; }
dl.answers div { break-inside: avoid; margin: 0 0 .2rem; } dl.answers dt { display: inline; font-weight: bold; } dl.answers dd { display: inline; margin: 0; }
@media (max-width: 36rem) { dl.answers { columns: 1; } }
@page { size: A4; margin: 12mm 14mm; }
@media print { body { font-size: 10pt; line-height: 1.3; } .meta { font-size: 8.5pt; } h2 { margin: .9rem 0 .3rem; } p { margin: .35rem 0; } ul.items li { margin: .2rem 0; } .verdict { margin: .5rem 0; } .blank { height: 1.5em; } }
@media print { .verdict { break-after: avoid; } .sev-high { background: none; color: #111; border: 3px double #111; } }
";

impl Report for Html {
    fn render(&self, cx: &Context, out: &mut dyn Write) -> io::Result<()> {
        self.page(cx, &Frame::default(), out)
    }
}

impl super::Framed for Html {
    fn render_framed(&self, cx: &Context, frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
        self.page(cx, frame, out)
    }
}

impl Html {
    /// The handout tied to one patient by `frame`: its label, the day, and lines for the
    /// name and date of birth to be written by hand.
    pub fn page(&self, cx: &Context, frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
        let s = cx.screening;
        let consultant = s.audience == Audience::Consultant;
        html_page::head_in(
            out,
            &cx.rulebook.language,
            &format!("SMP screening: {}", s.headline),
            STYLE,
        )?;
        writeln!(out, "<h1>Scalp micropigmentation: screening result</h1>")?;
        patient_lines(frame, out)?;
        writeln!(
            out,
            "<p class=\"meta\">Screened on {} with {} (version {}, {}). A screening aid, not a diagnosis.</p>",
            esc(&frame.day()),
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
        if let Some(r) = &s.recheck_after {
            writeln!(
                out,
                "<p class=\"recheck\"><strong>{}</strong>{}</p>",
                esc(&r.sentence(crate::date::Date::today())),
                rule_refs(consultant, &r.because)
            )?;
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

        if let Some(w) = what_if_words(cx) {
            for (heading, lines, more) in [
                ("What would change this", &w.better, w.better_more),
                ("What would make it worse", &w.worse, w.worse_more),
            ] {
                if lines.is_empty() && more == 0 {
                    continue;
                }
                writeln!(out, "<h2>{heading}</h2>\n<ul class=\"items\">")?;
                for line in lines {
                    writeln!(out, "<li>{}</li>", esc(line))?;
                }
                if more > 0 {
                    writeln!(out, "<li>and {more} more</li>")?;
                }
                writeln!(out, "</ul>")?;
            }
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
                    words::evidence_cell(cx.rulebook.words(), f.evidence)
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
        if let Some(made) = frame.reprinted_from {
            writeln!(
                out,
                "<p class=\"meta\">Re-printed from the record made {}, with the result recorded then.</p>",
                esc(made)
            )?;
        }
        if consultant {
            writeln!(
                out,
                "<div class=\"sign\"><p>Consultant's signature<span class=\"blank\"></span> Date<span class=\"blank short\"></span></p>\
                 <p>Name in capitals<span class=\"blank\"></span></p></div>"
            )?;
        }
        html_page::tail(out)
    }
}

/// The label, and lines for the patient's name and date of birth to be written by hand.
fn patient_lines(frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<div class=\"patient\">")?;
    if let Some(label) = frame.label {
        writeln!(out, "<p class=\"label\">Reference <strong>{}</strong></p>", esc(label))?;
    }
    writeln!(
        out,
        "<p>Name<span class=\"blank\"></span> Date of birth<span class=\"blank short\"></span></p>\
         <p class=\"why\">Name and date of birth are written here by hand; smp-screen does not store them.</p>\n</div>"
    )
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
    if audience == Audience::Patient {
        return short_answers(cx, &rows, out);
    }
    writeln!(out, "<h2>Your answers</h2>\n<table>")?;
    for q in rows {
        let question = &rb.questions[q];
        let answer = answer_html(question, cx.answers.slot(q), audience, cx.rulebook.words());
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

/// The answers given, each under the question's short name, in two columns: the patient's
/// copy then fits two pages (the consultant's copy keeps the full questions).
fn short_answers(cx: &Context, rows: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let rb = cx.rulebook;
    writeln!(out, "<h2>Your answers</h2>\n<dl class=\"answers\">")?;
    for &q in rows {
        let question = &rb.questions[q];
        let answer = answer_html(question, cx.answers.slot(q), Audience::Patient, cx.rulebook.words());
        let unused = if cx.screening.ignored.contains(&question.id.as_str()) {
            " <span class=\"why\">(not used)</span>"
        } else {
            ""
        };
        writeln!(
            out,
            "<div><dt>{}:</dt> <dd>{}{unused}</dd></div>",
            esc(&question.short),
            answer.join("; ")
        )?;
    }
    writeln!(out, "</dl>")
}

/// One answer's parts as HTML, with colour swatches for skin and hair.
fn answer_html(
    question: &crate::rulebook::Question,
    slot: &Slot,
    audience: Audience,
    words: crate::i18n::Words,
) -> Vec<String> {
    describe::answer(words, question, slot, audience)
        .iter()
        .map(|p| match p.swatch {
            Some(rgb) => format!(
                "<span class=\"swatch\" style=\"background: {}\"></span>{}",
                rgb.hex(),
                esc(&p.text)
            ),
            None => esc(&p.text),
        })
        .collect()
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
