//! The Markdown format, for pasting into clinic notes.

use super::{Context, Frame, Framed, Report};
use crate::audience::Audience;
use crate::sanitize::markdown as md;
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
        writeln!(out, "# SMP screening: {}\n", md(&s.headline))?;
        if let Some(label) = frame.label {
            writeln!(out, "**Reference:** {}\n", md(label))?;
        }
        if let Some(made) = frame.reprinted_from {
            writeln!(
                out,
                "*Re-printed from the record made {}, with the result recorded then.*\n",
                md(made)
            )?;
        }
        if s.provisional {
            writeln!(
                out,
                "**Verdict so far:** {} (not complete; at worst {}) — {}\n",
                s.verdict.as_str(),
                s.worst_case.verdict.as_str(),
                md(s.verdict_meaning)
            )?;
        } else {
            writeln!(out, "**Verdict:** {} — {}\n", s.verdict.as_str(), md(s.verdict_meaning))?;
        }
        if !s.verdict_because.is_empty() && s.verdict > crate::rulebook::Verdict::Suitable {
            writeln!(out, "Why:\n")?;
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
                    writeln!(out, "**What could still change it:**\n")?;
                    for line in &p.lines {
                        writeln!(out, "- {}", md(line))?;
                    }
                    if p.more > 0 {
                        writeln!(out, "- and {} more", p.more)?;
                    }
                    writeln!(out)?;
                    if let Some(physician) = &p.physician {
                        writeln!(out, "> **{}**\n", md(physician))?;
                    }
                }
                None => writeln!(
                    out,
                    "Unanswered questions leave some rules undecided, though none of them would change the verdict or the ink.\n"
                )?,
            }
            if consultant {
                let deciding = s.deciding_questions(cx.rulebook);
                writeln!(
                    out,
                    "Unanswered: {}.\n",
                    deciding.iter().map(|d| format!("`{d}`")).collect::<Vec<_>>().join(", ")
                )?;
            }
        }
        if let Some(r) = &s.recheck_after {
            let mut line = format!("**{}**", r.sentence(crate::date::Date::today()));
            if consultant {
                let rules: Vec<String> = r.because.iter().map(|id| format!("`{id}`")).collect();
                line.push_str(&format!(" Rules: {}.", rules.join(", ")));
            }
            writeln!(out, "{line}\n")?;
        }
        let ink_heading = if s.provisional && s.worst_case.ink != s.ink {
            "Ink so far"
        } else {
            "Ink"
        };
        writeln!(out, "**{ink_heading}:** {}\n", words::ink_name(s.ink, s.audience))?;
        for r in &s.ink_because {
            if consultant {
                writeln!(out, "- `{}` ({}): {}", r.rule, r.effect.replace('_', " "), md(r.text))?;
            } else {
                writeln!(out, "- {}", md(r.text))?;
            }
        }
        if !s.ink_because.is_empty() {
            writeln!(out)?;
        }
        if let Some(note) = words::ink_note(s.ink, s.audience) {
            writeln!(out, "{}\n", md(note))?;
        }
        if !s.risks.is_empty() {
            writeln!(out, "## Risks\n")?;
            if consultant {
                writeln!(out, "| Severity | Risk | Detail | Rules |\n|---|---|---|---|")?;
                for r in &s.risks {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        r.severity.as_str(),
                        md(r.title),
                        md(r.text),
                        r.because.join(", ")
                    )?;
                }
            } else {
                writeln!(out, "| Severity | Risk | What it means |\n|---|---|---|")?;
                for r in &s.risks {
                    writeln!(out, "| {} | {} | {} |", r.severity.as_str(), md(r.title), md(r.text))?;
                }
            }
            writeln!(out)?;
        }
        if !s.advice.is_empty() {
            writeln!(out, "## Advice\n")?;
            for a in &s.advice {
                let now = if a.urgent { " (first)" } else { "" };
                writeln!(out, "- **{}**{now}: {}", md(a.title), md(a.text))?;
            }
            writeln!(out)?;
        }
        if let Some(w) = super::what_if_words(cx) {
            for (heading, lines, more) in [
                ("What would change this", &w.better, w.better_more),
                ("What would make it worse", &w.worse, w.worse_more),
            ] {
                if lines.is_empty() && more == 0 {
                    continue;
                }
                writeln!(out, "## {heading}\n")?;
                for line in lines {
                    writeln!(out, "- {}", md(line))?;
                }
                if more > 0 {
                    writeln!(out, "- and {more} more")?;
                }
                writeln!(out)?;
            }
        }
        if cx.explain
            && let Some(e) = &s.explain
        {
            writeln!(out, "## How this was decided\n")?;
            for t in &e.rules {
                writeln!(out, "**`{}`** {} ({})\n", t.rule, md(&t.title), t.state)?;
                let mut lines = String::new();
                t.trace.render(&mut lines, 0, 100);
                writeln!(out, "```text\n{}```\n", lines)?;
            }
        }
        if consultant && !s.fired.is_empty() {
            writeln!(out, "## Rules fired\n")?;
            writeln!(
                out,
                "| Rule | Verdict | Rationale | Source | Evidence |\n|---|---|---|---|---|"
            )?;
            for f in &s.fired {
                writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} |",
                    f.rule,
                    f.verdict.map_or("—", |v| v.as_str()),
                    md(f.rationale.unwrap_or("—")),
                    md(f.source.unwrap_or("—")),
                    words::evidence_cell(cx.rulebook.words(), f.evidence)
                )?;
            }
            writeln!(out)?;
        }
        if consultant && !s.possible.is_empty() {
            writeln!(out, "## Undecided rules\n")?;
            for p in &s.possible {
                writeln!(
                    out,
                    "- `{}` {}: decided by {}",
                    p.rule,
                    md(p.title),
                    p.decided_by.join(", ")
                )?;
            }
            writeln!(out)?;
        }
        if !s.ignored.is_empty() {
            writeln!(
                out,
                "Answers not used (question did not apply): {}\n",
                s.ignored.join(", ")
            )?;
        }
        answers(cx, out)?;
        writeln!(out, "---\n")?;
        writeln!(out, "*{}*\n", md(s.disclaimer))?;
        writeln!(
            out,
            "Rulebook `{}` {} (sha256 `{}`), {}; {} {}.",
            s.rulebook.id,
            md(s.rulebook.version),
            s.rulebook.sha256,
            md(s.rulebook.review),
            s.tool.name,
            s.tool.version
        )
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
    writeln!(out, "## Answers given\n")?;
    writeln!(out, "| Question | Answer |\n|---|---|")?;
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
            " (not used: the question did not apply)"
        } else {
            ""
        };
        writeln!(out, "| {name} | {}{unused} |", answer.join("; "))?;
    }
    writeln!(out)
}
