//! The Markdown format, for pasting into clinic notes.

use super::{Context, Frame, Framed, Report};
use crate::audience::Audience;
use crate::sanitize::markdown as md;
use crate::tr;
use crate::words;
use std::io::{self, Write};

/// Markdown with headings, lists and a risk table.
pub struct Markdown;

impl Report for Markdown {
    fn render(&self, cx: &Context, out: &mut dyn Write) -> io::Result<()> {
        self.render_framed(cx, &Frame::default(), out)
    }
}

impl Framed for Markdown {
    fn render_framed(&self, cx: &Context, frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
        let s = cx.screening;
        let consultant = s.audience == Audience::Consultant;
        let words = cx.rulebook.words();
        writeln!(out, "# {}\n", tr!(words, "report-title", headline = &md(&s.headline)))?;
        if let Some(label) = frame.label {
            writeln!(out, "**{}:** {}\n", tr!(words, "report-reference"), md(label))?;
        }
        if let Some(made) = frame.reprinted_from {
            writeln!(out, "*{}*\n", tr!(words, "report-reprinted", made = &md(made)))?;
        }
        if s.provisional {
            writeln!(
                out,
                "**{}:** {} ({}) — {}\n",
                tr!(words, "report-verdict-so-far-heading"),
                words::verdict_word(words, s.verdict),
                tr!(
                    words,
                    "report-not-complete-at-worst",
                    worst = &words::verdict_word(words, s.worst_case.verdict)
                ),
                md(&s.verdict_meaning)
            )?;
        } else {
            writeln!(
                out,
                "**{}:** {} — {}\n",
                tr!(words, "report-verdict-heading"),
                words::verdict_word(words, s.verdict),
                md(&s.verdict_meaning)
            )?;
        }
        if !s.verdict_because.is_empty() && s.verdict > crate::rulebook::Verdict::Suitable {
            writeln!(out, "{}:\n", tr!(words, "report-why"))?;
            for f in s.fired.iter().filter(|f| s.verdict_because.contains(&f.rule)) {
                if consultant {
                    writeln!(out, "- `{}` {}", f.rule, md(f.title))?;
                } else {
                    writeln!(out, "- {}", md(f.summary))?;
                }
            }
            writeln!(out)?;
        }
        if s.provisional {
            match super::pending_words(cx) {
                Some(p) => {
                    writeln!(out, "**{}:**\n", tr!(words, "report-still-change"))?;
                    for line in &p.lines {
                        writeln!(out, "- {}", md(line))?;
                    }
                    if p.more > 0 {
                        writeln!(out, "- {}", tr!(words, "report-more", count = p.more))?;
                    }
                    writeln!(out)?;
                    if let Some(physician) = &p.physician {
                        writeln!(out, "> **{}**\n", md(physician))?;
                    }
                }
                None => writeln!(out, "{}\n", tr!(words, "report-undecided-harmless"))?,
            }
            if consultant {
                let deciding = s.deciding_questions(cx.rulebook);
                let ids = deciding.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ");
                writeln!(out, "{}.\n", tr!(words, "report-unanswered", questions = &ids))?;
            }
        }
        if let Some(r) = &s.recheck_after {
            let mut line = format!("**{}**", r.sentence(words, crate::date::Date::today()));
            if consultant {
                let rules: Vec<String> = r.because.iter().map(|id| format!("`{id}`")).collect();
                line.push(' ');
                line.push_str(&tr!(words, "report-rules", rules = &rules.join(", ")));
            }
            writeln!(out, "{line}\n")?;
        }
        // Notes for the clinic: the heading stays plain even when a physician must clear
        // the person first (the verdict above says so).
        let ink_heading = if s.provisional && s.worst_case.ink != s.ink {
            tr!(words, "report-ink-heading-so-far")
        } else {
            tr!(words, "report-ink-heading")
        };
        writeln!(
            out,
            "**{ink_heading}:** {}\n",
            words::ink_name(words, s.ink, s.audience)
        )?;
        for r in &s.ink_because {
            if consultant {
                let tag = words::effect_tag(words, r.effect);
                writeln!(out, "- `{}` ({tag}): {}", r.rule, md(r.text))?;
            } else {
                writeln!(out, "- {}", md(r.text))?;
            }
        }
        if !s.ink_because.is_empty() {
            writeln!(out)?;
        }
        if let Some(note) = words::ink_note(words, s.ink, s.audience) {
            writeln!(out, "{}\n", md(&note))?;
        }
        if !s.risks.is_empty() {
            writeln!(out, "## {}\n", tr!(words, "report-risks"))?;
            let (severity, risk) = (tr!(words, "report-col-severity"), tr!(words, "report-col-risk"));
            if consultant {
                writeln!(
                    out,
                    "| {severity} | {risk} | {} | {} |\n|---|---|---|---|",
                    tr!(words, "report-col-detail"),
                    tr!(words, "report-col-rules")
                )?;
                for r in &s.risks {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        words::severity_word(words, r.severity),
                        md(r.title),
                        md(r.text),
                        r.because.join(", ")
                    )?;
                }
            } else {
                writeln!(
                    out,
                    "| {severity} | {risk} | {} |\n|---|---|---|",
                    tr!(words, "report-col-meaning")
                )?;
                for r in &s.risks {
                    writeln!(
                        out,
                        "| {} | {} | {} |",
                        words::severity_word(words, r.severity),
                        md(r.title),
                        md(r.text)
                    )?;
                }
            }
            writeln!(out)?;
        }
        if !s.advice.is_empty() {
            writeln!(out, "## {}\n", tr!(words, "report-advice"))?;
            let first = format!(" ({})", tr!(words, "report-advice-first"));
            for a in &s.advice {
                let now = if a.urgent { first.as_str() } else { "" };
                writeln!(out, "- **{}**{now}: {}", md(a.title), md(a.text))?;
            }
            writeln!(out)?;
        }
        if let Some(w) = super::what_if_words(cx) {
            for (heading, lines, more) in [
                (tr!(words, "report-what-if-better"), &w.better, w.better_more),
                (tr!(words, "report-what-if-worse"), &w.worse, w.worse_more),
            ] {
                if lines.is_empty() && more == 0 {
                    continue;
                }
                writeln!(out, "## {heading}\n")?;
                for line in lines {
                    writeln!(out, "- {}", md(line))?;
                }
                if more > 0 {
                    writeln!(out, "- {}", tr!(words, "report-more", count = more))?;
                }
                writeln!(out)?;
            }
        }
        if cx.explain
            && let Some(e) = &s.explain
        {
            writeln!(out, "## {}\n", tr!(words, "report-how"))?;
            for t in &e.rules {
                let state = if t.state == "fired" {
                    tr!(words, "report-state-fired")
                } else {
                    tr!(words, "report-state-possible")
                };
                writeln!(out, "**`{}`** {} ({state})\n", t.rule, md(&t.title))?;
                let mut lines = String::new();
                t.trace.render(&mut lines, 0, 100);
                writeln!(out, "```text\n{}```\n", lines)?;
            }
        }
        if consultant && !s.fired.is_empty() {
            writeln!(out, "## {}\n", tr!(words, "report-rules-fired"))?;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
                tr!(words, "report-col-rule"),
                tr!(words, "report-col-verdict"),
                tr!(words, "report-col-rationale"),
                tr!(words, "report-col-source"),
                tr!(words, "report-col-evidence")
            )?;
            for f in &s.fired {
                writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} |",
                    f.rule,
                    f.verdict
                        .map_or_else(|| "—".to_owned(), |v| words::verdict_word(words, v)),
                    md(f.rationale.unwrap_or("—")),
                    md(f.source.unwrap_or("—")),
                    words::evidence_cell(words, f.evidence)
                )?;
            }
            writeln!(out)?;
        }
        if consultant && !s.possible.is_empty() {
            writeln!(out, "## {}\n", tr!(words, "report-undecided-rules"))?;
            for p in &s.possible {
                let line = tr!(
                    words,
                    "report-undecided-line-md",
                    rule = &format!("`{}`", p.rule),
                    title = &md(p.title),
                    questions = &p.decided_by.join(", ")
                );
                writeln!(out, "- {line}")?;
            }
            writeln!(out)?;
        }
        if !s.ignored.is_empty() {
            let line = tr!(words, "report-ignored-consultant", questions = &s.ignored.join(", "));
            writeln!(out, "{line}\n")?;
        }
        answers(cx, out)?;
        writeln!(out, "---\n")?;
        writeln!(out, "*{}*\n", md(s.disclaimer))?;
        let footer = tr!(
            words,
            "report-md-footer",
            id = &format!("`{}`", s.rulebook.id),
            version = &md(s.rulebook.version),
            sha = &format!("`{}`", s.rulebook.sha256),
            review = &md(&s.rulebook.review),
            tool = s.tool.name,
            tool_version = s.tool.version
        );
        writeln!(out, "{footer}")
    }
}

/// The answers given, in asking order: by question id for a consultant, by short name for
/// a patient, with "(not used)" beside an answer to a question that did not apply.
fn answers(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let rb = cx.rulebook;
    let audience = cx.screening.audience;
    let rows: Vec<usize> = (0..rb.questions.len())
        .filter(|&q| !matches!(cx.answers.slot(q), crate::answers::Slot::Missing))
        .collect();
    if rows.is_empty() {
        return Ok(());
    }
    let words = rb.words();
    writeln!(out, "## {}\n", tr!(words, "report-answers-given"))?;
    writeln!(
        out,
        "| {} | {} |\n|---|---|",
        tr!(words, "report-col-question"),
        tr!(words, "report-col-answer")
    )?;
    let not_used = format!(" {}", tr!(words, "report-not-used-long"));
    for q in rows {
        let question = &rb.questions[q];
        let parts = crate::describe::answer(rb.words(), question, cx.answers.slot(q), audience);
        let answer: Vec<String> = parts.iter().map(|p| md(&p.text)).collect();
        let name = if audience == Audience::Consultant {
            format!("`{}`", question.id)
        } else {
            md(&question.short)
        };
        let unused = if cx.screening.ignored.contains(&question.id.as_str()) {
            not_used.as_str()
        } else {
            ""
        };
        writeln!(out, "| {name} | {}{unused} |", answer.join("; "))?;
    }
    writeln!(out)
}
