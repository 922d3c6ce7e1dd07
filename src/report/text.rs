//! The text format: a report for a person, wrapped to the terminal, coloured only when
//! the stream allows it. Rulebook text is untrusted and is sanitised before printing.

use super::{Context, Report};
use crate::audience::Audience;
use crate::engine::Ink;
use crate::rulebook::Verdict;
use crate::sanitize;
use crate::tr;
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
        let words = cx.rulebook.words();

        writeln!(
            out,
            "{}",
            st.bold(&tr!(
                words,
                "report-text-title",
                title = &clean(s.rulebook.title),
                version = &clean(s.rulebook.version)
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
                wrap(
                    &tr!(words, "report-so-far", meaning = &s.verdict_meaning),
                    w,
                    "  ",
                    "  "
                )
            )?;
        } else {
            let label = words::verdict_label(words, s.verdict);
            let heading = format!("{}:", tr!(words, "report-verdict-heading"));
            writeln!(out, "{} {}", st.bold(&heading), st.verdict(s.verdict, &label))?;
            writeln!(out, "{}", wrap(&s.verdict_meaning, w, "  ", "  "))?;
        }
        if s.verdict > Verdict::Suitable && !s.verdict_because.is_empty() {
            writeln!(out, "  {}:", tr!(words, "report-why"))?;
            for id in &s.verdict_because {
                writeln!(out, "{}", wrap(&reason(cx, id, None), w, "    • ", "      "))?;
            }
        }
        if s.provisional {
            provisional(cx, out)?;
        }
        if let Some(r) = &s.recheck_after {
            // Counted from the local date of the screening, as the person would count it.
            let mut line = r.sentence(words, crate::date::Date::today());
            if consultant {
                line.push(' ');
                line.push_str(&tr!(words, "report-rules", rules = &r.because.join(", ")));
            }
            writeln!(out, "{}", st.bold(&wrap(&line, w, "  ", "  ")))?;
        }
        writeln!(out)?;

        let so_far = s.provisional && s.worst_case.ink != s.ink;
        let heading = format!("{}:", words::ink_heading(words, s.verdict, s.audience, so_far));
        writeln!(
            out,
            "{} {}",
            st.bold(&heading),
            words::ink_name(words, s.ink, s.audience)
        )?;
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
                wrap(&reason(cx, r.rule, Some(r.effect)), w, "    • ", "      ")
            )?;
        }
        if repeated {
            writeln!(out, "    • {}", tr!(words, "report-reasons-above"))?;
        }
        if let Some(note) = words::ink_note(words, s.ink, s.audience) {
            writeln!(out, "{}", wrap(&note, w, "  ", "  "))?;
        }
        if s.ink_conflict {
            let note = if consultant {
                tr!(words, "report-ink-conflict-consultant")
            } else {
                tr!(words, "report-ink-conflict-patient")
            };
            writeln!(out, "{}", wrap(&note, w, "  ", "  "))?;
        }
        if s.ink == Ink::None {
            writeln!(out, "{}", wrap(&tr!(words, "report-no-ink"), w, "  ", "  "))?;
        }
        writeln!(out)?;

        if !s.risks.is_empty() {
            writeln!(out, "{}", st.bold(&tr!(words, "report-risks")))?;
            for r in &s.risks {
                let tag = format!("{:<6}", words::severity_label(words, r.severity));
                writeln!(out, "  {}  {}", st.severity(r.severity, &tag), st.bold(&clean(r.title)))?;
                writeln!(out, "{}", wrap(r.text, w, "          ", "          "))?;
                if consultant {
                    writeln!(
                        out,
                        "{}",
                        st.dim(&wrap(
                            &tr!(words, "report-rules-lower", rules = &r.because.join(", ")),
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
        let groups: [(String, Vec<&super::AdviceItem>); 2] = if split {
            [
                (
                    tr!(words, "report-advice-now"),
                    s.advice.iter().filter(|a| a.urgent).collect(),
                ),
                (
                    tr!(words, "report-advice-later"),
                    s.advice.iter().filter(|a| !a.urgent).collect(),
                ),
            ]
        } else {
            [
                (tr!(words, "report-advice"), s.advice.iter().collect()),
                (String::new(), Vec::new()),
            ]
        };
        for (heading, items) in groups.iter().filter(|(_, items)| !items.is_empty()) {
            writeln!(out, "{}", st.bold(heading))?;
            for a in items {
                writeln!(out, "{}", wrap(&format!("{}: {}", a.title, a.text), w, "  • ", "    "))?;
                if consultant {
                    writeln!(
                        out,
                        "{}",
                        st.dim(&wrap(
                            &tr!(words, "report-rules-lower", rules = &a.because.join(", ")),
                            w,
                            "    ",
                            "    "
                        ))
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
            writeln!(out, "{}", st.bold(&tr!(words, "report-rules-fired")))?;
            for f in &s.fired {
                let verdict = f
                    .verdict
                    .map(|v| format!(" → {}", words::verdict_word(words, v)))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  {}{}",
                    st.bold(&format!("[{}] {}", clean(f.rule), clean(f.title))),
                    verdict
                )?;
                if let Some(r) = &f.rationale {
                    writeln!(out, "{}", wrap(r, w, "      ", "      "))?;
                }
                let cite = cite(cx, f);
                if !cite.is_empty() {
                    writeln!(out, "{}", st.dim(&wrap(&cite, w, "      ", "      ")))?;
                }
            }
            writeln!(out)?;
        }
        if consultant && !cx.explain && !s.possible.is_empty() {
            writeln!(out, "{}", st.bold(&tr!(words, "report-undecided-heading")))?;
            for p in &s.possible {
                let verdict = p
                    .verdict
                    .map(|v| format!(" → {}", words::verdict_word(words, v)))
                    .unwrap_or_default();
                let line = tr!(
                    words,
                    "report-undecided-line",
                    rule = p.rule,
                    title = p.title,
                    verdict = &verdict,
                    questions = &p.decided_by.join(", ")
                );
                writeln!(out, "{}", wrap(&line, w, "  ", "      "))?;
            }
            writeln!(out)?;
        }
        if !s.ignored.is_empty() {
            let ignored = s.ignored.join(", ");
            let text = if consultant {
                tr!(words, "report-ignored-consultant", questions = &ignored)
            } else {
                tr!(words, "report-ignored-patient", questions = &ignored)
            };
            writeln!(out, "{}", st.dim(&wrap(&text, w, "", "")))?;
            writeln!(out)?;
        }

        writeln!(out, "{}", wrap(s.disclaimer, w, "", ""))?;
        let short = &s.rulebook.sha256[..s.rulebook.sha256.len().min(12)];
        writeln!(
            out,
            "{}",
            st.dim(&tr!(
                words,
                "report-text-footer",
                id = &clean(s.rulebook.id),
                version = &clean(s.rulebook.version),
                sha = short,
                review = &clean(&s.rulebook.review)
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
    let words = cx.rulebook.words();
    for (heading, lines, more) in [
        (tr!(words, "report-what-if-better"), &w.better, w.better_more),
        (tr!(words, "report-what-if-worse"), &w.worse, w.worse_more),
    ] {
        if lines.is_empty() && more == 0 {
            continue;
        }
        writeln!(out, "{}", cx.style.bold(&heading))?;
        for line in lines {
            writeln!(out, "{}", wrap(line, cx.width, "  • ", "    "))?;
        }
        if more > 0 {
            writeln!(out, "  • {}", tr!(words, "report-more-see", count = more))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// "Source: …. Evidence: …" for a fired rule, or nothing when it names neither.
fn cite(cx: &Context, f: &super::FiredRule) -> String {
    let words = cx.rulebook.words();
    let mut cite = Vec::new();
    if let Some(src) = &f.source {
        cite.push(tr!(words, "report-source", source = *src));
    }
    if let Some(e) = f.evidence {
        let evidence = words::evidence_words(words, e, Audience::Consultant);
        cite.push(tr!(words, "report-evidence", evidence = &evidence));
    }
    cite.join(". ")
}

/// HOW: who set the verdict and the ink, and every fired and undecided rule traced.
fn how(cx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let s = cx.screening;
    let Some(e) = &s.explain else { return Ok(()) };
    let st = cx.style;
    let w = cx.width;
    let consultant = s.audience == Audience::Consultant;
    let words = cx.rulebook.words();
    writeln!(out, "{}", st.bold(&tr!(words, "report-how")))?;
    // A consultant sees rule ids; a patient sees the rules' titles and effects in words.
    let name = |id: &str| match s.audience {
        Audience::Consultant => format!("[{id}]"),
        Audience::Patient => cx
            .rulebook
            .rule_index(id)
            .map_or_else(|| id.to_owned(), |r| cx.rulebook.rules[r].title.clone()),
    };
    let names = |v: &[String]| v.iter().map(|r| name(r)).collect::<Vec<_>>().join(", ");
    let label = words::verdict_label(words, e.verdict.value);
    let mut verdict = match e.verdict.set_by.as_slice() {
        [] => tr!(words, "report-how-verdict-none", verdict = &label),
        set => tr!(words, "report-how-verdict", verdict = &label, rules = &names(set)),
    };
    if !e.verdict.overrode.is_empty() {
        let over: Vec<String> = e
            .verdict
            .overrode
            .iter()
            .map(|o| {
                tr!(
                    words,
                    "report-how-from",
                    verdict = &words::verdict_word(words, o.verdict),
                    rule = &name(&o.rule)
                )
            })
            .collect();
        verdict.push_str(&tr!(words, "report-how-overrides", list = &over.join(", ")));
    }
    writeln!(out, "{}", wrap(&verdict, w, "  ", "  "))?;
    let effects = |v: &[crate::explain::RuleEffect]| {
        v.iter()
            .map(|x| match s.audience {
                Audience::Consultant => format!("[{}] {}", x.rule, words::effect_tag(words, &x.effect)),
                Audience::Patient => format!(
                    "{} ({})",
                    name(&x.rule),
                    words::effect_short(words, words::effect_of_key(&x.effect))
                ),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut ink = tr!(
        words,
        "report-how-ink",
        ink = &words::ink_name(words, e.ink.value, s.audience)
    );
    if !e.ink.set_by.is_empty() {
        ink.push_str(&tr!(words, "report-how-because-of", list = &effects(&e.ink.set_by)));
    }
    if !e.ink.overrode.is_empty() {
        ink.push_str(&tr!(words, "report-how-overrides", list = &effects(&e.ink.overrode)));
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
        rule_heading(cx, &t.rule, &t.title, f.verdict, &tr!(words, "report-state-fired"), out)?;
        if consultant {
            if let Some(r) = &f.rationale {
                let line = tr!(words, "report-rationale", rationale = *r);
                writeln!(out, "{}", wrap(&line, w, "    ", "    "))?;
            }
            let cite = cite(cx, f);
            if !cite.is_empty() {
                writeln!(out, "{}", st.dim(&wrap(&cite, w, "    ", "    ")))?;
            }
        } else {
            let ev = f
                .evidence
                .map(|e| format!(" ({})", words::evidence_words(words, e, Audience::Patient)))
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
            tr!(words, "report-how-undecided-consultant")
        } else {
            tr!(words, "report-how-undecided-patient")
        };
        writeln!(out, "  {}", st.bold(&head))?;
        let state = tr!(words, "report-state-possible");
        for t in undecided {
            let verdict = possible.get(t.rule.as_str()).and_then(|p| p.verdict);
            rule_heading(cx, &t.rule, &t.title, verdict, &state, out)?;
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
    let words = cx.rulebook.words();
    let verdict = verdict
        .map(|v| format!(" → {}", words::verdict_word(words, v)))
        .unwrap_or_default();
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
    let words = cx.rulebook.words();
    writeln!(out, "{}", cx.style.bold(&tr!(words, "report-why-asked")))?;
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
            format!(" {}", tr!(words, "report-read-by", rules = &list.join("; ")))
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
    let words = cx.rulebook.words();
    if let Some(p) = super::pending_words(cx) {
        writeln!(out, "  {}:", tr!(words, "report-still-change"))?;
        for line in &p.lines {
            writeln!(out, "{}", wrap(line, w, "    • ", "      "))?;
        }
        if p.more > 0 {
            writeln!(out, "    • {}", tr!(words, "report-more-see", count = p.more))?;
        }
        if let Some(physician) = &p.physician {
            writeln!(out, "{}", cx.style.bold(&wrap(physician, w, "  ", "  ")))?;
        }
    } else {
        let text = tr!(words, "report-undecided-harmless");
        writeln!(out, "{}", wrap(&text, w, "  ", "  "))?;
    }
    if consultant {
        let deciding = s.deciding_questions(cx.rulebook);
        let line = tr!(words, "report-unanswered", questions = &deciding.join(", "));
        writeln!(out, "{}", wrap(&line, w, "  ", "  "))?;
    }
    Ok(())
}

/// One fired rule as a reason: its plain summary and how strong the evidence is for a
/// patient; its id, title and ink effect for a consultant.
fn reason(cx: &Context, rule: &str, effect: Option<&str>) -> String {
    let s = cx.screening;
    let words = cx.rulebook.words();
    let Some(f) = s.fired.iter().find(|f| f.rule == rule) else {
        return rule.to_owned();
    };
    match s.audience {
        Audience::Consultant => match effect {
            Some(e) => format!(
                "[{}] {}: {}",
                f.rule,
                words::effect_short(words, words::effect_of_key(e)),
                f.title
            ),
            None => format!("[{}] {}", f.rule, f.title),
        },
        Audience::Patient => match f.evidence {
            Some(e) => format!("{} ({})", f.summary, words::evidence_words(words, e, Audience::Patient)),
            None => f.summary.to_owned(),
        },
    }
}
