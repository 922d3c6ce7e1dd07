//! Every text of a rulebook that a person reads, each with a stable key: the one list that
//! translations are applied from ([`super::locale`]) and checked against.
//!
//! The fields are taken apart without `..`, so a field added to the compiled types (or to
//! [`Identity`], which is the file's own type) does not compile until it is listed here as
//! translated or not; a test compares the same list with the JSON Schema of the file format.

use super::{Advice, Choice, Fact, Identity, Question, Risk, Rule, Rulebook, Score};

/// Where a text sits in the rulebook's files: file index and JSON path.
pub type Place = Option<(usize, String)>;

/// Calls `f` with every translatable text of `rb`: its key (such as `question/age/prompt`),
/// where it is written, and the text itself, which `f` may replace. Texts are visited in
/// the rulebook's order; a section heading is visited once per question that carries it,
/// always under the key of the first question with that heading.
pub fn visit(rb: &mut Rulebook, f: &mut dyn FnMut(&str, Place, &mut String)) {
    let identity_file = rb
        .files
        .iter()
        .position(|f| f.text.contains("\"rulebook\""))
        .unwrap_or(0);
    let Identity {
        id: _,
        title,
        version: _,
        reviewed_by: _,
        reviewed_on: _,
        review_due: _,
        disclaimer,
        description,
        version_hash: _,
        languages: _,
        status: _,
        reviewed_hash: _,
    } = &mut rb.identity;
    let at = |field: &str| Some((identity_file, format!("rulebook.{field}")));
    f("rulebook/title", at("title"), title);
    f("rulebook/disclaimer", at("disclaimer"), disclaimer);
    if let Some(d) = description {
        f("rulebook/description", at("description"), d);
    }
    // A heading is keyed by the first question that carries it, so one translation serves
    // every question of the section and the headings still group alike.
    let mut first_with: Vec<(String, String)> = Vec::new();
    for q in &rb.questions {
        if let Some(s) = &q.section
            && !first_with.iter().any(|(h, _)| h == s)
        {
            first_with.push((s.clone(), q.id.clone()));
        }
    }
    for q in &mut rb.questions {
        question(q, &first_with, f);
    }
    for s in &mut rb.scores {
        let Score {
            id,
            title,
            items: _,
            description,
            item_bounds: _,
        } = s;
        f(&format!("score/{id}/title"), None, title);
        if let Some(d) = description {
            f(&format!("score/{id}/description"), None, d);
        }
    }
    for fact in &mut rb.facts {
        let Fact {
            id,
            description,
            derived_by: _,
            origin,
        } = fact;
        let at = Some((origin.file, format!("{}.description", origin.path)));
        f(&format!("fact/{id}/description"), at, description);
    }
    for r in &mut rb.rules {
        let Rule {
            id,
            title,
            summary,
            when: _,
            verdict: _,
            forbid: _,
            prefer: _,
            risks: _,
            advice: _,
            derive: _,
            rationale,
            // A citation names its sources as they are published: never translated.
            source: _,
            evidence: _,
            recheck_after: _,
            origin,
        } = r;
        let at = |field: &str| Some((origin.file, format!("{}.{field}", origin.path)));
        f(&format!("rule/{id}/title"), at("title"), title);
        if let Some(s) = summary {
            f(&format!("rule/{id}/summary"), at("summary"), s);
        }
        if let Some(s) = rationale {
            f(&format!("rule/{id}/rationale"), at("rationale"), s);
        }
    }
    for r in &mut rb.risks {
        let Risk {
            id,
            title,
            severity: _,
            text,
            text_consultant,
            origin,
        } = r;
        let at = |field: &str| Some((origin.file, format!("{}.{field}", origin.path)));
        f(&format!("risk/{id}/title"), at("title"), title);
        f(&format!("risk/{id}/text"), at("text"), text);
        if let Some(t) = text_consultant {
            f(&format!("risk/{id}/text_consultant"), at("text_consultant"), t);
        }
    }
    for a in &mut rb.advice {
        let Advice {
            id,
            title,
            text,
            text_consultant,
            origin,
        } = a;
        let at = |field: &str| Some((origin.file, format!("{}.{field}", origin.path)));
        f(&format!("advice/{id}/title"), at("title"), title);
        f(&format!("advice/{id}/text"), at("text"), text);
        if let Some(t) = text_consultant {
            f(&format!("advice/{id}/text_consultant"), at("text_consultant"), t);
        }
    }
}

fn question(q: &mut Question, first_with: &[(String, String)], f: &mut dyn FnMut(&str, Place, &mut String)) {
    let Question {
        id,
        kind: _,
        section,
        short,
        prompt,
        prompt_consultant,
        help,
        help_consultant,
        options,
        min: _,
        max: _,
        integer: _,
        unit,
        ask_if: _,
        fixed: _,
        answer_is: _,
        origin,
        aliases: _,
    } = q;
    let at = |field: &str| Some((origin.file, format!("{}.{field}", origin.path)));
    if let Some(s) = section {
        let first = first_with.iter().find(|(h, _)| h == s).map_or(id.as_str(), |(_, q)| q);
        f(&format!("section/{first}"), at("section"), s);
    }
    f(&format!("question/{id}/short"), at("short"), short);
    f(&format!("question/{id}/prompt"), at("prompt"), prompt);
    if let Some(t) = prompt_consultant {
        f(&format!("question/{id}/prompt_consultant"), at("prompt_consultant"), t);
    }
    f(&format!("question/{id}/help"), at("help"), help);
    if let Some(t) = help_consultant {
        f(&format!("question/{id}/help_consultant"), at("help_consultant"), t);
    }
    if let Some(t) = unit {
        f(&format!("question/{id}/unit"), at("unit"), t);
    }
    for (i, o) in options.iter_mut().enumerate() {
        let Choice {
            value,
            label,
            label_consultant,
            help,
            exclusive: _,
            swatch: _,
            score: _,
            show_if: _,
            fixed: _,
            aliases: _,
        } = o;
        let at = |field: &str| Some((origin.file, format!("{}.options[{i}].{field}", origin.path)));
        f(&format!("question/{id}/option/{value}/label"), at("label"), label);
        if let Some(t) = label_consultant {
            f(
                &format!("question/{id}/option/{value}/label_consultant"),
                at("label_consultant"),
                t,
            );
        }
        if let Some(t) = help {
            f(&format!("question/{id}/option/{value}/help"), at("help"), t);
        }
    }
}

/// Every translatable text of `rb` with its key and place, once per key, in order.
pub fn list(rb: &Rulebook) -> Vec<(String, Place, String)> {
    // Visiting needs the texts mutably; a copy keeps `rb` untouched.
    let mut copy = rb.clone();
    let mut out: Vec<(String, Place, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    visit(&mut copy, &mut |key, place, text| {
        if seen.insert(key.to_owned()) {
            out.push((key.to_owned(), place, text.clone()));
        }
    });
    out
}

/// The fields of the file format (by JSON Schema definition) that hold a translated text,
/// and those that hold none; together they must name every string field of the format.
#[cfg(test)]
pub(crate) const CLASSIFIED: &[(&str, &[&str], &[&str])] = &[
    (
        "Identity",
        &["title", "disclaimer", "description"],
        &[
            "id",
            "version",
            "status",
            "reviewed_by",
            "reviewed_on",
            "reviewed_hash",
            "review_due",
            "languages",
        ],
    ),
    (
        "QuestionDoc",
        &[
            "section",
            "short",
            "prompt",
            "prompt_consultant",
            "help",
            "help_consultant",
            "unit",
        ],
        &["id"],
    ),
    (
        "OptionDoc",
        &["label", "label_consultant", "help"],
        &["value", "swatch"],
    ),
    ("ScoreDoc", &["title", "description"], &["id", "items"]),
    ("FactDoc", &["description"], &["id"]),
    (
        "RuleDoc",
        &["title", "summary", "rationale"],
        &["id", "advice", "derive", "source"],
    ),
    ("RiskDoc", &["title", "text", "text_consultant"], &["id"]),
    ("AdviceDoc", &["title", "text", "text_consultant"], &["id"]),
    ("VersionHash", &[], &["version", "sha256"]),
    ("RulebookFile", &[], &["$schema"]),
    ("ConditionDoc", &[], &["question", "fact", "score"]),
    // For rule authors and reviewers, shown by `rules prove` as written.
    (
        "InvariantDoc",
        &[],
        &["id", "statement", "source", "unanswered", "monotonic"],
    ),
    ("ThenDoc", &[], &["risks", "advice", "ink_not"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::Sources;
    use std::collections::BTreeSet;

    /// A rulebook that gives every optional text.
    const FULL: &str = r##"{
      "rulebook": {"id": "t", "title": "T", "version": "1.0.0", "reviewed_by": "r", "reviewed_on": "2026-01-01",
        "review_due": "2099-01-01", "disclaimer": "D", "description": "Desc", "languages": ["it"]},
      "questions": [
        {"id": "n", "kind": "number", "answer_is": "fact", "section": "S", "short": "N", "prompt": "P", "prompt_consultant": "PC",
         "help": "H", "help_consultant": "HC", "unit": "years", "min": 0, "max": 9},
        {"id": "c", "kind": "single", "answer_is": "fact", "section": "S", "prompt": "P2", "help": "H2", "options": [
          {"value": "a", "label": "A", "label_consultant": "AC", "help": "AH", "score": 1, "swatch": "#000000"},
          {"value": "b", "label": "B", "score": 2}]}
      ],
      "scores": [{"id": "s", "title": "ST", "items": ["c"], "description": "SD"}],
      "facts": [{"id": "f", "description": "FD"}],
      "rules": [
        {"id": "r", "title": "RT", "summary": "RS", "when": {"question": "n", "ge": 1}, "verdict": "caution",
         "risks": ["k"], "advice": ["v"], "derive": ["f"], "rationale": "RR", "source": "src", "evidence": "clinical"},
        {"id": "r2", "title": "RT2", "when": {"all": [{"fact": "f"}, {"score": "s", "ge": 2}]}, "verdict": "refer"}
      ],
      "risks": [{"id": "k", "title": "KT", "severity": "low", "text": "KX", "text_consultant": "KC"}],
      "advice": [{"id": "v", "title": "VT", "text": "VX", "text_consultant": "VC"}]
    }"##;

    fn is_text(prop: &serde_json::Value) -> bool {
        let has_string = |t: &serde_json::Value| match t {
            serde_json::Value::String(s) => s == "string",
            serde_json::Value::Array(a) => a.iter().any(|x| x == "string"),
            _ => false,
        };
        prop.get("type").is_some_and(has_string)
            || prop.get("items").and_then(|i| i.get("type")).is_some_and(has_string)
    }

    #[test]
    fn every_string_field_of_the_format_is_classified() {
        let schema = serde_json::to_value(schemars::schema_for!(crate::rulebook::model::RulebookFile)).unwrap();
        let mut defs: Vec<(String, serde_json::Value)> = schema["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        defs.push(("RulebookFile".into(), schema.clone()));
        for (name, def) in defs {
            let Some(props) = def.get("properties").and_then(|p| p.as_object()) else {
                continue;
            };
            for (field, prop) in props {
                if !is_text(prop) {
                    continue;
                }
                let entry = CLASSIFIED.iter().find(|(d, _, _)| *d == name);
                let (_, yes, no) = entry.unwrap_or_else(|| panic!("`{name}` has text fields but is not in CLASSIFIED"));
                assert!(
                    yes.contains(&field.as_str()) || no.contains(&field.as_str()),
                    "`{name}.{field}` is a text: list it in CLASSIFIED as translated (and in `visit`) or not"
                );
            }
        }
    }

    #[test]
    fn visit_yields_every_translated_field_and_no_other() {
        let rb = Rulebook::from_sources(Sources::from_text("full.json", FULL)).unwrap();
        let keys: Vec<String> = list(&rb).into_iter().map(|(k, _, _)| k).collect();
        let fields = |prefix: &str, nested: Option<&str>| -> BTreeSet<String> {
            keys.iter()
                .filter(|k| {
                    k.starts_with(prefix)
                        && nested.is_none_or(|n| k.contains(n))
                        && (nested.is_some() || !k.contains("/option/"))
                })
                .map(|k| k.rsplit('/').next().unwrap().to_owned())
                .collect()
        };
        let expect = |def: &str| -> BTreeSet<String> {
            CLASSIFIED
                .iter()
                .find(|(d, _, _)| *d == def)
                .unwrap()
                .1
                .iter()
                .map(|s| (*s).to_owned())
                .collect()
        };
        let mut question = fields("question/", None);
        question.insert("section".into());
        assert!(keys.contains(&"section/n".to_owned()), "{keys:?}");
        assert_eq!(question, expect("QuestionDoc"));
        assert_eq!(fields("question/", Some("/option/")), expect("OptionDoc"));
        assert_eq!(fields("rulebook/", None), expect("Identity"));
        assert_eq!(fields("score/", None), expect("ScoreDoc"));
        assert_eq!(fields("fact/", None), expect("FactDoc"));
        assert_eq!(fields("rule/", None), expect("RuleDoc"));
        assert_eq!(fields("risk/", None), expect("RiskDoc"));
        assert_eq!(fields("advice/", None), expect("AdviceDoc"));
        // One heading, one key.
        assert_eq!(keys.iter().filter(|k| k.starts_with("section/")).count(), 1);
    }
}
