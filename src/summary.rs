//! The one-screen summary that ends an interview: the headline, the main reasons, the
//! ink, the first things to do and how to see more, fitted to a terminal's height by
//! leaving out whole items (with a count of what the full report adds), never by cutting
//! a sentence.

use crate::audience::Audience;
use crate::i18n::Words;
use crate::report::{Screening, wrap};
use crate::rulebook::Verdict;
use crate::style::Style;
use crate::tr;
use crate::words;

/// Most reasons and first steps shown.
const MOST: usize = 3;

/// The headline: the report layer's one headline for a provisional result (its range),
/// "Verdict: X" for a complete one, as the text report prints it.
fn headline(words: Words, s: &Screening) -> String {
    if s.provisional {
        s.headline.clone()
    } else {
        tr!(
            words,
            "report-summary-verdict",
            verdict = &words::verdict_label(words, s.verdict)
        )
    }
}

/// The summary's lines for a screen `width` columns wide and `height` rows high;
/// `more` is the last line, saying how to see the full report; the summary's own words
/// are in `words`' language.
pub fn lines(words: Words, s: &Screening, style: Style, width: usize, height: usize, more: &str) -> Vec<String> {
    let reasons = reasons(s);
    let steps: Vec<&str> = s.advice.iter().map(|a| a.title).collect();
    let (mut r, mut a) = (reasons.len().min(MOST), steps.len().min(MOST));
    loop {
        let out = build(words, s, style, width, more, &reasons, r, &steps, a);
        if out.len() <= height || (r <= 1 && a == 0) {
            return out;
        }
        if a > 1 || (a == 1 && r <= 1) {
            a -= 1;
        } else {
            r -= 1;
        }
    }
}

/// The reasons to show first: the rules behind the verdict, then those behind the ink.
fn reasons<'a>(s: &Screening<'a>) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    if s.verdict > Verdict::Suitable {
        ids.extend(s.verdict_because.iter().copied());
    }
    for r in &s.ink_because {
        if !ids.contains(&r.rule) {
            ids.push(r.rule);
        }
    }
    ids.iter()
        .filter_map(|id| s.fired.iter().find(|f| f.rule == *id))
        .map(|f| match s.audience {
            Audience::Consultant => format!("[{}] {}", f.rule, f.title),
            Audience::Patient => f.summary.to_owned(),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build(
    words: Words,
    s: &Screening,
    st: Style,
    width: usize,
    more: &str,
    reasons: &[String],
    r: usize,
    steps: &[&str],
    a: usize,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut put = |text: &str, first: &str, rest: &str, paint: &dyn Fn(&str) -> String| {
        for line in wrap(text, width, first, rest).lines() {
            out.push(paint(line));
        }
    };
    let plain = |t: &str| t.to_owned();
    put(&tr!(words, "report-summary-heading"), "", "", &|t| st.bold(t));
    put(&headline(words, s), "", "  ", &|t| {
        st.verdict(s.worst_case.verdict.max(s.verdict), t)
    });
    if s.provisional && s.worst_case.verdict > s.verdict {
        // The meaning of the verdict so far would reassure too early.
        let worst = &words::verdict_label(words, s.worst_case.verdict);
        let text = if s.worst_case.verdict >= Verdict::Refer {
            tr!(words, "report-summary-missing-refer", verdict = worst)
        } else {
            tr!(words, "report-summary-missing", verdict = worst)
        };
        put(&text, "  ", "  ", &plain);
    } else {
        put(&s.verdict_meaning, "  ", "  ", &plain);
    }
    if r > 0 {
        put(&tr!(words, "report-summary-reasons"), "", "", &|t| st.bold(t));
        for reason in &reasons[..r] {
            put(reason, "  • ", "    ", &plain);
        }
        if reasons.len() > r {
            let n = reasons.len() - r;
            let line = tr!(words, "report-summary-more-reasons", count = n);
            put(&format!("  {line}"), "", "    ", &plain);
        }
    }
    let so_far = s.provisional && s.worst_case.ink != s.ink;
    let heading = words::ink_heading(words, s.verdict, s.audience, so_far);
    let ink = format!("{heading}: {}", words::ink_name(words, s.ink, s.audience));
    put(&ink, "", "  ", &plain);
    if a > 0 {
        put(&tr!(words, "report-summary-first-steps"), "", "", &|t| st.bold(t));
        for step in &steps[..a] {
            put(step, "  • ", "    ", &plain);
        }
    }
    if steps.len() > a {
        let n = steps.len() - a;
        put(&tr!(words, "report-summary-more-advice", count = n), "", "  ", &plain);
    }
    put(more, "", "", &|t| st.dim(t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answers;
    use crate::report::screen;
    use crate::rulebook::Rulebook;

    fn cases() -> Vec<(String, serde_json::Value)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/cases");
        let mut out: Vec<(String, serde_json::Value)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).unwrap();
                (p.display().to_string(), serde_json::from_str(&text).unwrap())
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    #[test]
    fn the_summary_of_every_golden_case_fits_80_by_24() {
        let rulebook = Rulebook::embedded().unwrap();
        let cases = cases();
        assert!(cases.len() >= 10);
        for (name, case) in cases {
            let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
            for audience in [Audience::Patient, Audience::Consultant] {
                let s = screen(&rulebook, &answers, audience);
                // 23 rows: the last row of the screen holds the cursor.
                let lines = lines(
                    Words::english(),
                    &s,
                    Style::PLAIN,
                    79,
                    23,
                    "Press Enter to read the full report.",
                );
                assert!(lines.len() <= 23, "{name}: {} lines\n{}", lines.len(), lines.join("\n"));
                for line in &lines {
                    assert!(
                        unicode_width::UnicodeWidthStr::width(line.as_str()) <= 79,
                        "{name}: {line}"
                    );
                }
                assert!(
                    lines[1].starts_with("Verdict: ") || lines[1].starts_with("Not complete: "),
                    "{name}"
                );
                assert!(
                    lines.iter().any(|l| l.starts_with("Ink")),
                    "{name}: the ink is always shown"
                );
                let label = words::verdict_label(Words::english(), s.verdict);
                assert!(lines[1].contains(&label), "{name}");
                if s.verdict > Verdict::Suitable {
                    assert!(
                        lines.iter().any(|l| l == "Main reasons:"),
                        "{name}: a reason is shown\n{}",
                        lines.join("\n")
                    );
                }
            }
        }
    }

    #[test]
    fn a_short_screen_drops_whole_items_and_says_how_many() {
        let rulebook = Rulebook::embedded().unwrap();
        let (_, case) = cases().into_iter().find(|(n, _)| n.contains("15-")).unwrap();
        let answers = Answers::from_json_value(&rulebook, &case["answers"]).unwrap();
        let s = screen(&rulebook, &answers, Audience::Patient);
        let en = Words::english();
        let tall = lines(en, &s, Style::PLAIN, 79, 100, "more");
        let short = lines(en, &s, Style::PLAIN, 79, 10, "more");
        assert!(short.len() < tall.len());
        assert!(
            short.iter().any(|l| l.contains("in the full report")),
            "{}",
            short.join("\n")
        );
        assert!(short.iter().all(|l| !l.contains('…')));
    }
}
