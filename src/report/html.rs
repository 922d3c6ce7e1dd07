//! The HTML handout: one self-contained page a consultant can print or email to the
//! patient. Every colour also has words, borders or symbols beside it, so the page reads
//! the same printed in black and white.

use super::{Context, Frame, Report, what_if_words};
use crate::answers::Slot;
use crate::audience::Audience;
use crate::describe;
use crate::html_page;
use crate::i18n::Words;
use crate::rulebook::{Severity, Verdict};
use crate::sanitize::html as esc;
use crate::tr;
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
        let words = cx.rulebook.words();
        // The title is escaped by `head_in`.
        html_page::head_in(
            out,
            &cx.rulebook.language,
            &tr!(words, "report-title", headline = &s.headline),
            STYLE,
        )?;
        writeln!(out, "<h1>{}</h1>", text(&tr!(words, "report-html-heading")))?;
        patient_lines(words, frame, out)?;
        let screened = tr!(
            words,
            "report-html-screened",
            date = SLOT[0],
            title = SLOT[1],
            version = SLOT[2],
            review = SLOT[3]
        );
        let screened = filled(
            &screened,
            &[
                esc(&frame.day_written(words)),
                esc(s.rulebook.title),
                esc(s.rulebook.version),
                esc(&s.rulebook.review),
            ],
        );
        writeln!(out, "<p class=\"meta\">{screened}</p>")?;

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
            let so_far = tr!(words, "report-so-far", meaning = SLOT[0]);
            writeln!(out, "<p>{}</p>", filled(&so_far, &[esc(&s.verdict_meaning)]))?;
        } else {
            writeln!(out, "<p>{}</p>", esc(&s.verdict_meaning))?;
        }
        if s.verdict > Verdict::Suitable && !s.verdict_because.is_empty() {
            writeln!(
                out,
                "<p>{}:</p><ul class=\"items\">",
                text(&tr!(words, "report-because"))
            )?;
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
                esc(&r.sentence(words, crate::date::Date::today())),
                rule_refs(consultant, &r.because)
            )?;
        }

        let so_far = s.provisional && s.worst_case.ink != s.ink;
        let ink_heading = words::ink_heading(words, s.verdict, s.audience, so_far);
        writeln!(out, "<h2>{}</h2>", esc(&ink_heading))?;
        writeln!(
            out,
            "<p><strong>{}</strong></p>",
            esc(&words::ink_name(words, s.ink, s.audience))
        )?;
        if !s.ink_because.is_empty() {
            writeln!(out, "<ul class=\"items\">")?;
            for r in &s.ink_because {
                writeln!(out, "<li>{}{}</li>", esc(r.text), rule_ref(consultant, r.rule))?;
            }
            writeln!(out, "</ul>")?;
        }
        if let Some(note) = words::ink_note(words, s.ink, s.audience) {
            writeln!(out, "<p>{}</p>", esc(&note))?;
        }

        if !s.risks.is_empty() {
            let heading = text(&tr!(words, "report-risks-serious-first"));
            writeln!(out, "<h2>{heading}</h2>\n<ul class=\"items\">")?;
            for r in &s.risks {
                let class = match r.severity {
                    Severity::High => "sev-high",
                    Severity::Medium => "sev-medium",
                    Severity::Low => "sev-low",
                };
                writeln!(
                    out,
                    "<li><span class=\"sev {class}\">{}</span><strong>{}</strong>: {}{}</li>",
                    text(&words::severity_label(words, r.severity)),
                    esc(r.title),
                    esc(r.text),
                    rule_refs(consultant, &r.because)
                )?;
            }
            writeln!(out, "</ul>")?;
        }

        if !s.advice.is_empty() {
            let heading = text(&tr!(words, "report-what-to-do"));
            writeln!(out, "<h2>{heading}</h2>\n<ul class=\"items\">")?;
            let first_tag = format!(
                "<span class=\"sev sev-high\">{}</span>",
                text(&tr!(words, "report-advice-first"))
            );
            for a in &s.advice {
                let first = if a.urgent { first_tag.as_str() } else { "" };
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
                (tr!(words, "report-what-if-better"), &w.better, w.better_more),
                (tr!(words, "report-what-if-worse"), &w.worse, w.worse_more),
            ] {
                if lines.is_empty() && more == 0 {
                    continue;
                }
                writeln!(out, "<h2>{}</h2>\n<ul class=\"items\">", text(&heading))?;
                for line in lines {
                    writeln!(out, "<li>{}</li>", esc(line))?;
                }
                if more > 0 {
                    writeln!(out, "<li>{}</li>", text(&tr!(words, "report-more", count = more)))?;
                }
                writeln!(out, "</ul>")?;
            }
        }

        answers(cx, out)?;

        if consultant && !s.fired.is_empty() {
            writeln!(out, "<h2>{}</h2>", text(&tr!(words, "report-html-rules-behind")))?;
            writeln!(
                out,
                "<table>\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
                text(&tr!(words, "report-col-rule")),
                text(&tr!(words, "report-col-rationale")),
                text(&tr!(words, "report-col-source")),
                text(&tr!(words, "report-col-evidence"))
            )?;
            for f in &s.fired {
                writeln!(
                    out,
                    "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(f.rule),
                    esc(f.title),
                    esc(f.rationale.unwrap_or("—")),
                    esc(f.source.unwrap_or("—")),
                    text(&words::evidence_cell(words, f.evidence))
                )?;
            }
            writeln!(out, "</table>")?;
        }

        writeln!(
            out,
            "<h2>{}</h2>\n<p class=\"disclaimer\">{}</p>",
            text(&tr!(words, "report-html-please-note")),
            esc(s.disclaimer)
        )?;
        let footer = tr!(
            words,
            "report-html-footer",
            id = SLOT[0],
            version = SLOT[1],
            sha = SLOT[2],
            review = SLOT[3],
            due = SLOT[4],
            tool = SLOT[5],
            tool_version = SLOT[6]
        );
        let footer = filled(
            &footer,
            &[
                format!("<code>{}</code>", esc(s.rulebook.id)),
                esc(s.rulebook.version),
                format!(
                    "<code>{}</code>",
                    esc(&s.rulebook.sha256[..s.rulebook.sha256.len().min(16)])
                ),
                esc(&s.rulebook.review),
                esc(&words::written_iso(words, s.rulebook.review_due)),
                esc(s.tool.name),
                esc(s.tool.version),
            ],
        );
        writeln!(out, "<p class=\"meta\">{footer}</p>")?;
        if let Some(made) = frame.reprinted_from {
            let line = tr!(words, "report-reprinted", made = SLOT[0]);
            writeln!(out, "<p class=\"meta\">{}</p>", filled(&line, &[esc(made)]))?;
        }
        if consultant {
            writeln!(
                out,
                "<div class=\"sign\"><p>{}<span class=\"blank\"></span> {}<span class=\"blank short\"></span></p>\
                 <p>{}<span class=\"blank\"></span></p></div>",
                text(&tr!(words, "report-html-signature")),
                text(&tr!(words, "report-html-date")),
                text(&tr!(words, "report-html-capitals"))
            )?;
        }
        html_page::tail(out)
    }
}

/// The label, and lines for the patient's name and date of birth to be written by hand.
fn patient_lines(words: Words, frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<div class=\"patient\">")?;
    if let Some(label) = frame.label {
        writeln!(
            out,
            "<p class=\"label\">{} <strong>{}</strong></p>",
            text(&tr!(words, "report-reference")),
            esc(label)
        )?;
    }
    writeln!(
        out,
        "<p>{}<span class=\"blank\"></span> {}<span class=\"blank short\"></span></p>\
         <p class=\"why\">{}</p>\n</div>",
        text(&tr!(words, "report-html-name")),
        text(&tr!(words, "report-html-birth")),
        text(&tr!(words, "report-html-by-hand"))
    )
}

/// Stand-ins for a message's arguments that are HTML already (marked up or escaped):
/// the message is escaped with them in it, then each is replaced by its HTML. Private-use
/// characters, which no message or escape produces.
const SLOT: [&str; 7] = [
    "\u{e000}0\u{e001}",
    "\u{e000}1\u{e001}",
    "\u{e000}2\u{e001}",
    "\u{e000}3\u{e001}",
    "\u{e000}4\u{e001}",
    "\u{e000}5\u{e001}",
    "\u{e000}6\u{e001}",
];

/// A message made with [`SLOT`]s, escaped, with each slot replaced by its HTML in `parts`.
fn filled(message: &str, parts: &[String]) -> String {
    let mut html = text(message);
    for (slot, part) in SLOT.iter().zip(parts) {
        html = html.replace(slot, part);
    }
    html
}

/// The tool's own words as HTML text: markup characters escaped, apostrophes and quotes
/// kept (they need no escape between tags, and "Consultant's" reads as written).
fn text(words: &str) -> String {
    esc(words).replace("&#39;", "'").replace("&quot;", "\"")
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
    let words = rb.words();
    writeln!(out, "<h2>{}</h2>\n<table>", text(&tr!(words, "report-your-answers")))?;
    let not_used = format!(
        " <span class=\"why\">{}</span>",
        text(&tr!(words, "report-not-used-long"))
    );
    for q in rows {
        let question = &rb.questions[q];
        let answer = answer_html(question, cx.answers.slot(q), audience, cx.rulebook.words());
        // An answer to a question that turned out not to apply was not used.
        let unused = if cx.screening.ignored.contains(&question.id.as_str()) {
            not_used.as_str()
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
    let words = rb.words();
    writeln!(
        out,
        "<h2>{}</h2>\n<dl class=\"answers\">",
        text(&tr!(words, "report-your-answers"))
    )?;
    let not_used = format!(" <span class=\"why\">{}</span>", text(&tr!(words, "report-not-used")));
    for &q in rows {
        let question = &rb.questions[q];
        let answer = answer_html(question, cx.answers.slot(q), Audience::Patient, cx.rulebook.words());
        let unused = if cx.screening.ignored.contains(&question.id.as_str()) {
            not_used.as_str()
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
    let words = cx.rulebook.words();
    let Some(p) = super::pending_words(cx) else {
        return writeln!(
            out,
            "<p class=\"provisional\">{}</p>",
            text(&tr!(words, "report-undecided-harmless"))
        );
    };
    writeln!(
        out,
        "<div class=\"provisional\"><p><strong>{}</strong></p>\n<ul class=\"items\">",
        text(&tr!(words, "report-still-change"))
    )?;
    for line in &p.lines {
        writeln!(out, "<li>{}</li>", esc(line))?;
    }
    if p.more > 0 {
        writeln!(out, "<li>{}</li>", text(&tr!(words, "report-more", count = p.more)))?;
    }
    writeln!(out, "</ul>")?;
    if let Some(physician) = &p.physician {
        writeln!(out, "<p><strong>{}</strong></p>", esc(physician))?;
    }
    writeln!(out, "</div>")
}
