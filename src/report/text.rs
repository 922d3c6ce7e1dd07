//! The text format: a report for a person, wrapped to the terminal, coloured only when
//! the stream allows it. Rulebook text is untrusted and is sanitised before printing.

use super::{Context, Report};
use crate::audience::Audience;
use crate::engine::Ink;
use crate::rulebook::Verdict;
use crate::sanitize;
use crate::words;
use std::io::{self, Write};

/// The plain-text report.
pub struct Text;

/// Wraps `text` to `width` with the given first-line and following-line indents. Words
/// are never split at their hyphens: ids such as `dark-skin-keloid-and-removal` stay whole.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let clean = sanitize::terminal(text);
    let options = textwrap::Options::new(width.max(20))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(&clean, options)
}

impl Report for Text {
    fn render(&self, cx: &Context, out: &mut dyn Write) -> io::Result<()> {
        let s = cx.screening;
        let st = cx.style;
        let w = cx.width;
        let consultant = s.audience == Audience::Consultant;
        let clean = |t: &str| sanitize::one_line(t).into_owned();

        writeln!(
            out,
            "{}",
            st.bold(&format!(
                "SMP screening · {} {}",
                clean(s.rulebook.title),
                clean(s.rulebook.version)
            ))
        )?;
        writeln!(out)?;

        if s.provisional {
            // Never a bare verdict: the headline names both ends of the range.
            let line = st.verdict(s.worst_case.verdict, &wrap(&s.headline, w, "", "  "));
            writeln!(out, "{}", st.bold(&line))?;
            writeln!(
                out,
                "{}",
                wrap(&format!("So far: {}", s.verdict_meaning), w, "  ", "  ")
            )?;
        } else {
            let label = words::verdict_label(s.verdict);
            writeln!(out, "{} {}", st.bold("Verdict:"), st.verdict(s.verdict, label))?;
            writeln!(out, "{}", wrap(s.verdict_meaning, w, "  ", "  "))?;
        }
        if s.verdict > Verdict::Suitable && !s.verdict_because.is_empty() {
            writeln!(out, "  Why:")?;
            for id in &s.verdict_because {
                writeln!(out, "{}", wrap(&reason(s, id, None), w, "    • ", "      "))?;
            }
        }
        if s.provisional {
            provisional(cx, out)?;
        }
        if let Some(r) = &s.recheck_after {
            // Counted from the local date of the screening, as the person would count it.
            let mut line = r.sentence(crate::date::Date::today());
            if consultant {
                line.push_str(&format!(" Rules: {}.", r.because.join(", ")));
            }
            writeln!(out, "{}", st.bold(&wrap(&line, w, "  ", "  ")))?;
        }
        writeln!(out)?;

        let mut heading = words::ink_heading(s.verdict, s.audience);
        if s.provisional && s.worst_case.ink != s.ink && heading == "Ink:" {
            heading = "Ink so far:";
        }
        writeln!(out, "{} {}", st.bold(heading), words::ink_name(s.ink, s.audience))?;
        // A patient is not told the same reason twice: those already given under "Why"
        // are referred to, not repeated.
        let mut repeated = false;
        for r in &s.ink_because {
            if !consultant && s.verdict_because.contains(&r.rule) {
                repeated = true;
                continue;
            }
            writeln!(
                out,
                "{}",
                wrap(&reason(s, r.rule, Some(r.effect)), w, "    • ", "      ")
            )?;
        }
        if repeated {
            writeln!(out, "    • and for the reasons above.")?;
        }
        if let Some(note) = words::ink_note(s.ink, s.audience) {
            writeln!(out, "{}", wrap(note, w, "  ", "  "))?;
        }
        if s.ink_conflict {
            let note = if consultant {
                "Ink conflict: fired rules rule out both pigments; the verdict was raised to refer."
            } else {
                "Your answers rule out both kinds of ink, so a physician needs to decide first."
            };
            writeln!(out, "{}", wrap(note, w, "  ", "  "))?;
        }
        if s.ink == Ink::None {
            writeln!(
                out,
                "{}",
                wrap("No ink is recommended while SMP is not advisable.", w, "  ", "  ")
            )?;
        }
        writeln!(out)?;

        if !s.risks.is_empty() {
            writeln!(out, "{}", st.bold("Risks"))?;
            for r in &s.risks {
                let tag = format!("{:<6}", words::severity_label(r.severity));
                writeln!(out, "  {}  {}", st.severity(r.severity, &tag), st.bold(&clean(r.title)))?;
                writeln!(out, "{}", wrap(r.text, w, "          ", "          "))?;
                if consultant {
                    writeln!(
                        out,
                        "{}",
                        st.dim(&wrap(
                            &format!("rules: {}", r.because.join(", ")),
                            w,
                            "          ",
                            "          "
                        ))
                    )?;
                }
            }
            writeln!(out)?;
        }

        // With refer or unsuitable, what to do now comes apart from advice that only
        // matters if treatment goes ahead later, so the two never read as contradictory.
        let split = s.verdict >= Verdict::Refer;
        let groups: [(&str, Vec<&super::AdviceItem>); 2] = if split {
            [
                ("What to do now", s.advice.iter().filter(|a| a.urgent).collect()),
                (
                    "If SMP becomes possible later",
                    s.advice.iter().filter(|a| !a.urgent).collect(),
                ),
            ]
        } else {
            [("Advice", s.advice.iter().collect()), ("", Vec::new())]
        };
        for (heading, items) in groups.iter().filter(|(_, items)| !items.is_empty()) {
            writeln!(out, "{}", st.bold(heading))?;
            for a in items {
                writeln!(out, "{}", wrap(&format!("{}: {}", a.title, a.text), w, "  • ", "    "))?;
                if consultant {
                    writeln!(
                        out,
                        "{}",
                        st.dim(&wrap(&format!("rules: {}", a.because.join(", ")), w, "    ", "    "))
                    )?;
                }
            }
            writeln!(out)?;
        }

        what_if(cx, out)?;
        if cx.explain {
            how(cx, out)?;
            why(cx, out)?;
        }

        if consultant && !cx.explain && !s.fired.is_empty() {
            writeln!(out, "{}", st.bold("Rules fired"))?;
            for f in &s.fired {
                let verdict = f.verdict.map(|v| format!(" → {}", v.as_str())).unwrap_or_default();
                writeln!(
                    out,
                    "  {}{}",
                    st.bold(&format!("[{}] {}", clean(f.rule), clean(f.title))),
                    verdict
                )?;
                if let Some(r) = &f.rationale {
                    writeln!(out, "{}", wrap(r, w, "      ", "      "))?;
                }
                let mut cite = Vec::new();
                if let Some(src) = &f.source {
                    cite.push(format!("Source: {src}"));
                }
                if let Some(e) = f.evidence {
                    cite.push(format!("Evidence: {}", words::evidence_words(e, Audience::Consultant)));
                }
                if !cite.is_empty() {
                    writeln!(out, "{}", st.dim(&wrap(&cite.join(". "), w, "      ", "      ")))?;
                }
            }
            writeln!(out)?;
        }
        if consultant && !cx.explain && !s.possible.is_empty() {
            writeln!(out, "{}", st.bold("Undecided rules (unanswered questions)"))?;
            for p in &s.possible {
                let verdict = p.verdict.map(|v| format!(" → {}", v.as_str())).unwrap_or_default();
                let line = format!(
                    "[{}] {}{}; decided by: {}",
                    p.rule,
                    p.title,
                    verdict,
                    p.decided_by.join(", ")
                );
                writeln!(out, "{}", wrap(&line, w, "  ", "      "))?;
            }
            writeln!(out)?;
        }
        if !s.ignored.is_empty() {
            let text = if consultant {
                format!("Answers not used (question did not apply): {}", s.ignored.join(", "))
            } else {
                format!(
                    "Some answers were not needed, because the questions did not apply to you: {}.",
                    s.ignored.join(", ")
                )
            };
            writeln!(out, "{}", st.dim(&wrap(&text, w, "", "")))?;
            writeln!(out)?;
        }

        writeln!(out, "{}", wrap(s.disclaimer, w, "", ""))?;
        let short = &s.rulebook.sha256[..s.rulebook.sha256.len().min(12)];
        writeln!(
            out,
            "{}",
            st.dim(&format!(
                "Rulebook {} {} (sha256 {short}…), {}",
                clean(s.rulebook.id),
                clean(s.rulebook.version),
                clean(s.rulebook.review)
            ))
        )
    }
}

/// The answer changes that would change the result, as a short section: milder first,
/// worse under their own heading.
fn what_if(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let Some(w) = super::what_if_words(cx) else {
        return Ok(());
    };
    let more_note = |n: usize| format!("  • and {n} more (see --explain or the JSON output)");
    for (heading, lines, more) in [
        ("What would change this", &w.better, w.better_more),
        ("What would make it worse", &w.worse, w.worse_more),
    ] {
        if lines.is_empty() && more == 0 {
            continue;
        }
        writeln!(out, "{}", cx.style.bold(heading))?;
        for line in lines {
            writeln!(out, "{}", wrap(line, cx.width, "  • ", "    "))?;
        }
        if more > 0 {
            writeln!(out, "{}", more_note(more))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// HOW: who set the verdict and the ink, and every fired and undecided rule traced.
fn how(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let s = cx.screening;
    let Some(e) = &s.explain else { return Ok(()) };
    let st = cx.style;
    let w = cx.width;
    let consultant = s.audience == Audience::Consultant;
    writeln!(out, "{}", st.bold("How this was decided"))?;
    // A consultant sees rule ids; a patient sees the rules' titles and effects in words.
    let name = |id: &str| match s.audience {
        Audience::Consultant => format!("[{id}]"),
        Audience::Patient => cx
            .rulebook
            .rule_index(id)
            .map_or_else(|| id.to_owned(), |r| cx.rulebook.rules[r].title.clone()),
    };
    let names = |v: &[String]| v.iter().map(|r| name(r)).collect::<Vec<_>>().join(", ");
    let mut verdict = match e.verdict.set_by.as_slice() {
        [] => format!("Verdict {}: no rule raised it.", words::verdict_label(e.verdict.value)),
        set => format!(
            "Verdict {}, given by {}",
            words::verdict_label(e.verdict.value),
            names(set)
        ),
    };
    if !e.verdict.overrode.is_empty() {
        let over: Vec<String> = e
            .verdict
            .overrode
            .iter()
            .map(|o| format!("{} from {}", o.verdict.as_str(), name(&o.rule)))
            .collect();
        verdict.push_str(&format!("; it overrides {}", over.join(", ")));
    }
    writeln!(out, "{}", wrap(&verdict, w, "  ", "  "))?;
    let effects = |v: &[crate::explain::RuleEffect]| {
        v.iter()
            .map(|x| match s.audience {
                Audience::Consultant => format!("[{}] {}", x.rule, x.effect.replace('_', " ")),
                Audience::Patient => format!("{} ({})", name(&x.rule), effect_words(&x.effect)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut ink = format!("Ink {}", words::ink_name(e.ink.value, s.audience));
    if !e.ink.set_by.is_empty() {
        ink.push_str(&format!(", because of {}", effects(&e.ink.set_by)));
    }
    if !e.ink.overrode.is_empty() {
        ink.push_str(&format!("; it overrides {}", effects(&e.ink.overrode)));
    }
    writeln!(out, "{}", wrap(&ink, w, "  ", "  "))?;
    // Looked up by id once: a search per rule made this quadratic in the rulebook's size.
    let fired: std::collections::HashMap<&str, _> = s.fired.iter().map(|f| (f.rule, f)).collect();
    let possible: std::collections::HashMap<&str, _> = s.possible.iter().map(|p| (p.rule, p)).collect();
    for t in &e.rules {
        let Some(&f) = fired.get(t.rule.as_str()) else {
            continue;
        };
        writeln!(out)?;
        rule_heading(cx, &t.rule, &t.title, f.verdict, "fired", out)?;
        if consultant {
            if let Some(r) = &f.rationale {
                writeln!(out, "{}", wrap(&format!("Rationale: {r}"), w, "    ", "    "))?;
            }
            let mut cite = Vec::new();
            if let Some(src) = &f.source {
                cite.push(format!("Source: {src}"));
            }
            if let Some(ev) = f.evidence {
                cite.push(format!("Evidence: {}", words::evidence_words(ev, Audience::Consultant)));
            }
            if !cite.is_empty() {
                writeln!(out, "{}", st.dim(&wrap(&cite.join(". "), w, "    ", "    ")))?;
            }
        } else {
            let ev = f
                .evidence
                .map(|e| format!(" ({})", words::evidence_words(e, Audience::Patient)))
                .unwrap_or_default();
            writeln!(out, "{}", wrap(&format!("{}{ev}", f.summary), w, "    ", "    "))?;
        }
        let mut lines = String::new();
        t.trace.render(&mut lines, 4, w);
        out.write_all(lines.as_bytes())?;
    }
    let undecided: Vec<_> = e.rules.iter().filter(|t| t.state == "possible").collect();
    if !undecided.is_empty() {
        writeln!(out)?;
        let head = if consultant {
            "Undecided rules, and what would decide them:"
        } else {
            "Not yet decided, because some answers are missing:"
        };
        writeln!(out, "  {}", st.bold(head))?;
        for t in undecided {
            let verdict = possible.get(t.rule.as_str()).and_then(|p| p.verdict);
            rule_heading(cx, &t.rule, &t.title, verdict, "possible", out)?;
            for need in &t.would_need {
                writeln!(out, "{}", wrap(need, w, "      ? ", "        "))?;
            }
        }
    }
    writeln!(out)
}

fn rule_heading(
    cx: &Context,
    id: &str,
    title: &str,
    verdict: Option<Verdict>,
    state: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let s = cx.screening;
    let verdict = verdict.map(|v| format!(" → {}", v.as_str())).unwrap_or_default();
    let text = match s.audience {
        Audience::Consultant => format!("[{id}] {title}{verdict} ({state})"),
        Audience::Patient => {
            let summary = cx
                .rulebook
                .rule_index(id)
                .map_or(title, |r| cx.rulebook.rules[r].title.as_str());
            format!("{summary}{verdict}")
        }
    };
    writeln!(out, "{}", wrap(&text, cx.width, "  ", "    "))
}

/// WHY: each question asked, why it is asked, and the rules that read it.
fn why(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let s = cx.screening;
    let Some(e) = &s.explain else { return Ok(()) };
    writeln!(out, "{}", cx.style.bold("Why each question was asked"))?;
    for q in &e.questions {
        let readers = if q.read_by.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = q
                .read_by
                .iter()
                .map(|r| match s.audience {
                    Audience::Consultant => format!("{} [{}]", r.title, r.rule),
                    Audience::Patient => r.title.clone(),
                })
                .collect();
            format!(" Read by: {}.", list.join("; "))
        };
        writeln!(
            out,
            "{}",
            wrap(&format!("{}: {}{readers}", q.short, q.why), cx.width, "  • ", "    ")
        )?;
    }
    writeln!(out)
}

/// What could still change a provisional result, by reason, and whether a physician may
/// be needed first.
fn provisional(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let s = cx.screening;
    let w = cx.width;
    let consultant = s.audience == Audience::Consultant;
    if let Some(p) = super::pending_words(cx) {
        writeln!(out, "  What could still change it:")?;
        for line in &p.lines {
            writeln!(out, "{}", wrap(line, w, "    • ", "      "))?;
        }
        if p.more > 0 {
            writeln!(out, "    • and {} more (see --explain or the JSON output)", p.more)?;
        }
        if let Some(physician) = &p.physician {
            writeln!(out, "{}", cx.style.bold(&wrap(physician, w, "  ", "  ")))?;
        }
    } else {
        let text =
            "Unanswered questions leave some rules undecided, though none of them would change the verdict or the ink.";
        writeln!(out, "{}", wrap(text, w, "  ", "  "))?;
    }
    if consultant {
        let deciding = s.deciding_questions(cx.rulebook);
        writeln!(
            out,
            "{}",
            wrap(&format!("Unanswered: {}", deciding.join(", ")), w, "  ", "  ")
        )?;
    }
    Ok(())
}

/// One fired rule as a reason: its plain summary and how strong the evidence is for a
/// patient; its id, title and ink effect for a consultant.
fn reason(s: &super::Screening, rule: &str, effect: Option<&str>) -> String {
    let Some(f) = s.fired.iter().find(|f| f.rule == rule) else {
        return rule.to_owned();
    };
    match s.audience {
        Audience::Consultant => match effect {
            Some(e) => format!("[{}] {}: {}", f.rule, effect_words(e), f.title),
            None => format!("[{}] {}", f.rule, f.title),
        },
        Audience::Patient => match f.evidence {
            Some(e) => format!("{} ({})", f.summary, words::evidence_words(e, Audience::Patient)),
            None => f.summary.to_owned(),
        },
    }
}

fn effect_words(key: &str) -> &'static str {
    match key {
        "forbid_permanent" => "rules out permanent",
        "forbid_temporary" => "rules out temporary",
        "prefer_temporary" => "favours temporary",
        "prefer_permanent" => "favours permanent",
        _ => "shapes the ink",
    }
}
