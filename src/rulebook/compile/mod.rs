//! Validation and compilation: file text → typed documents → one indexed [`Rulebook`].
//!
//! Every problem is collected (not just the first) and carries the file and JSON path
//! where it was found; positions are resolved to line:column at the end.

use super::model::*;
use super::{
    Advice, Choice, Code, Diagnostic, Fact, IdMap, Index, Invariant, Level, Origin, Question, Recheck, Review, Rgb,
    Risk, RiskRef, Rule, Rulebook, RulebookError, Score, SourceFile, Sources, Step, Then, plan,
};
use crate::condition::{Cond, Exec, Program};
use crate::date::Date;
use crate::suggest::did_you_mean;

mod condition;
use std::collections::HashMap;

/// Deepest nesting of `all`/`any`/`not` accepted.
pub const MAX_DEPTH: usize = 32;
/// Most rules in one rulebook.
pub const MAX_RULES: usize = 250_000;
/// Most questions in one rulebook.
pub const MAX_QUESTIONS: usize = 5_000;
/// Most characters in one text field.
pub const MAX_TEXT: usize = 20_000;
/// Most characters in one id.
pub const MAX_ID: usize = 80;
/// Longest `recheck_after` in months (ten years).
pub const MAX_RECHECK_MONTHS: u32 = 120;
/// Longest `recheck_after` in weeks (ten years).
pub const MAX_RECHECK_WEEKS: u32 = 522;
/// Most options of one question (they are held as bits of a 64-bit mask).
pub const MAX_OPTIONS: usize = 64;

pub(super) fn compile(sources: Sources) -> Result<Rulebook, RulebookError> {
    let sha256 = sources.sha256();
    let mut diags = Vec::new();
    let mut docs = Vec::with_capacity(sources.files.len());
    for (fi, file) in sources.files.iter().enumerate() {
        match parse_file(fi, &file.text) {
            Ok(doc) => docs.push(doc),
            Err(d) => {
                diags.push(*d);
                docs.push(RulebookFile::default());
            }
        }
    }
    if !diags.is_empty() {
        return Err(finish(diags, &sources.files));
    }
    let mut cx = Compiler::default();
    let built = cx.build(&docs);
    if cx.diags.iter().any(|d| d.level == Level::Error) {
        return Err(finish(cx.diags, &sources.files));
    }
    let Some(mut rulebook) = built else {
        return Err(finish(cx.diags, &sources.files));
    };
    rulebook.sha256 = sha256;
    rulebook.files = sources.files;
    rulebook.review = review_of(&rulebook);
    rulebook.review_words = rulebook.review.words();
    Ok(rulebook)
}

/// The review status as it stands: a `reviewed` rulebook edited after its review is not
/// reviewed any more. Only a reviewed rulebook is hashed, so drafts load no slower.
fn review_of(rulebook: &Rulebook) -> Review {
    let id = &rulebook.identity;
    match (id.status, &id.reviewed_by, &id.reviewed_on, &id.reviewed_hash) {
        (ReviewStatus::Reviewed, Some(by), Some(on), Some(hash)) => {
            let (by, on) = (by.clone(), on.clone());
            if rulebook.content_hash() == *hash {
                Review::Reviewed { by, on }
            } else {
                Review::ChangedSinceReview { by, on }
            }
        }
        _ => Review::Draft,
    }
}

fn finish(mut diags: Vec<Diagnostic>, files: &[SourceFile]) -> RulebookError {
    Diagnostic::locate(&mut diags, files);
    diags.sort_by_key(|d| (d.level, d.file_index, d.line, d.column));
    RulebookError { diagnostics: diags }
}

/// Parses one file into its typed document, with the JSON path of the first problem.
///
/// Tracking the path of every value costs as much as parsing, so a file is parsed plainly
/// first and only a file that fails is parsed again to find where.
pub(crate) fn parse_file(fi: usize, text: &str) -> Result<RulebookFile, Box<Diagnostic>> {
    if let Ok(doc) = serde_json::from_str::<RulebookFile>(text) {
        return Ok(doc);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let classify = |path: String, inner: serde_json::Error| {
        let message = crate::json_error::strip_position(&inner.to_string());
        let (line, column) = (inner.line(), inner.column());
        Box::new(match inner.classify() {
            serde_json::error::Category::Data => data_error(fi, path, message, line, column),
            _ => syntax_error(fi, text, message, line, column),
        })
    };
    let doc: RulebookFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        classify(path, e.into_inner())
    })?;
    de.end().map_err(|e| classify(String::new(), e))?;
    Ok(doc)
}

/// The ids of `map` in the order the rulebook defines them. A hash map's own order is
/// seeded at random, so equally close suggestions would differ from run to run.
fn in_rulebook_order(map: &IdMap) -> Vec<&str> {
    let mut ids: Vec<(usize, &str)> = map.iter().map(|(id, &i)| (i, id.as_str())).collect();
    ids.sort_unstable();
    ids.into_iter().map(|(_, id)| id).collect()
}

fn data_error(fi: usize, path: String, message: String, line: usize, column: usize) -> Diagnostic {
    // serde names unknown fields with the list of expected ones; turn that into a
    // short message and a suggestion.
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = did_you_mean(field, candidates.iter().copied())
            .map(|s| format!("did you mean `{s}`?"))
            .or_else(|| (!candidates.is_empty()).then(|| format!("expected one of: {}", candidates.join(", "))));
        let at = if path == "." { field.to_owned() } else { path };
        return Diagnostic::error(Code::UnknownField, fi, at, format!("unknown field `{field}`"))
            .on_key()
            .with_help(help);
    }
    let code = if message.starts_with("missing field") {
        Code::MissingField
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        Code::WrongType
    } else if message.starts_with("unknown variant") {
        Code::UnknownValue
    } else {
        Code::Invalid
    };
    let help = message.strip_prefix("unknown variant `").and_then(|rest| {
        let (value, expected) = rest.split_once('`')?;
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        did_you_mean(value, candidates).map(|s| format!("did you mean `{s}`?"))
    });
    // The path finds the offending value exactly (a missing field: the object lacking
    // it); serde's position, just after the token, is the fallback.
    Diagnostic::error(code, fi, if path == "." { String::new() } else { path }, message)
        .with_help(help)
        .or_at(line, column)
}

fn syntax_error(fi: usize, text: &str, message: String, line: usize, column: usize) -> Diagnostic {
    let (line, column, message) = super::spans::pinpoint_syntax(text, line, column, message);
    let mut d = Diagnostic::error(Code::Syntax, fi, String::new(), message).at_line_col(line, column);
    d.path = None;
    d
}

/// Where an item sits while compiling.
#[derive(Debug, Clone)]
struct At {
    file: usize,
    path: String,
}

impl At {
    // Every node of every rulebook gets a path, error or not, so these build it by hand:
    // `format!` made them a seventh of loading the default rulebook.
    fn child(&self, field: &str) -> At {
        let mut path = String::with_capacity(self.path.len() + 1 + field.len());
        path.push_str(&self.path);
        path.push('.');
        path.push_str(field);
        At { file: self.file, path }
    }
    fn item(&self, i: usize) -> At {
        let mut digits = [0u8; 20];
        let mut n = i;
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let digits = std::str::from_utf8(&digits[at..]).unwrap_or("0");
        let mut path = String::with_capacity(self.path.len() + 2 + digits.len());
        path.push_str(&self.path);
        path.push('[');
        path.push_str(digits);
        path.push(']');
        At { file: self.file, path }
    }
    fn origin(&self) -> Origin {
        Origin {
            file: self.file,
            path: self.path.clone(),
        }
    }
}

#[derive(Default)]
struct Compiler {
    diags: Vec<Diagnostic>,
    questions: Vec<Question>,
    question_ids: IdMap,
    score_ids: IdMap,
    fact_ids: IdMap,
    risk_ids: IdMap,
    advice_ids: IdMap,
    scores: Vec<Score>,
}

/// Every item of one section across files, with where it sits.
fn gather<'a, T>(
    docs: &'a [RulebookFile],
    section: &str,
    get: impl Fn(&'a RulebookFile) -> &'a [T],
) -> Vec<(&'a T, At)> {
    docs.iter()
        .enumerate()
        .flat_map(|(fi, doc)| {
            get(doc).iter().enumerate().map(move |(i, item)| {
                (
                    item,
                    At {
                        file: fi,
                        path: format!("{section}[{i}]"),
                    },
                )
            })
        })
        .collect()
}

impl Compiler {
    fn error(&mut self, code: Code, at: &At, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(code, at.file, at.path.clone(), message));
    }

    fn error_help(&mut self, code: Code, at: &At, message: impl Into<String>, help: Option<String>) {
        self.diags
            .push(Diagnostic::error(code, at.file, at.path.clone(), message).with_help(help));
    }

    fn build(&mut self, docs: &[RulebookFile]) -> Option<Rulebook> {
        let identity = self.identity(docs);
        let question_docs = gather(docs, "questions", |d| &d.questions);
        let score_docs = gather(docs, "scores", |d| &d.scores);
        let fact_docs = gather(docs, "facts", |d| &d.facts);
        let rule_docs = gather(docs, "rules", |d| &d.rules);
        let risk_docs = gather(docs, "risks", |d| &d.risks);
        let advice_docs = gather(docs, "advice", |d| &d.advice);

        if question_docs.len() > MAX_QUESTIONS {
            self.diags.push(Diagnostic::general(
                Level::Error,
                Code::TooManyQuestions,
                format!("{} questions; the limit is {MAX_QUESTIONS}", question_docs.len()),
            ));
            return None;
        }
        if rule_docs.len() > MAX_RULES {
            self.diags.push(Diagnostic::general(
                Level::Error,
                Code::TooManyRules,
                format!("{} rules; the limit is {MAX_RULES}", rule_docs.len()),
            ));
            return None;
        }

        self.question_ids = self.index("question", question_docs.iter().map(|(q, at)| (q.id.as_str(), at)));
        self.score_ids = self.index("score", score_docs.iter().map(|(s, at)| (s.id.as_str(), at)));
        self.fact_ids = self.index("fact", fact_docs.iter().map(|(f, at)| (f.id.as_str(), at)));
        self.risk_ids = self.index("risk", risk_docs.iter().map(|(r, at)| (r.id.as_str(), at)));
        self.advice_ids = self.index("advice", advice_docs.iter().map(|(a, at)| (a.id.as_str(), at)));
        let rule_ids = self.index("rule", rule_docs.iter().map(|(r, at)| (r.id.as_str(), at)));

        self.questions = question_docs.iter().map(|(q, at)| self.question_shell(q, at)).collect();
        let risks: Vec<Risk> = risk_docs.iter().map(|(r, at)| self.risk(r, at)).collect();
        let advice: Vec<Advice> = advice_docs.iter().map(|(a, at)| self.advice(a, at)).collect();
        self.scores = score_docs.iter().map(|(s, at)| self.score(s, at)).collect();
        let mut facts: Vec<Fact> = fact_docs
            .iter()
            .map(|(f, at)| {
                self.text(&f.description, &at.child("description"), true);
                Fact {
                    id: f.id.clone(),
                    description: f.description.clone(),
                    derived_by: Vec::new(),
                    origin: at.origin(),
                }
            })
            .collect();
        let rules: Vec<Rule> = rule_docs.iter().map(|(r, at)| self.rule(r, at)).collect();
        for (ri, rule) in rules.iter().enumerate() {
            for &f in &rule.derive {
                facts[f].derived_by.push(ri);
            }
        }
        for (qi, (q, at)) in question_docs.iter().enumerate() {
            let ask_if = q.ask_if.as_ref().and_then(|c| self.cond(c, &at.child("ask_if"), 0));
            let show_ifs: Vec<Option<Cond>> = q
                .options
                .iter()
                .enumerate()
                .map(|(oi, o)| {
                    o.show_if
                        .as_ref()
                        .and_then(|c| self.cond(c, &at.child("options").item(oi).child("show_if"), 0))
                })
                .collect();
            let question = &mut self.questions[qi];
            question.ask_if = ask_if;
            for (choice, show_if) in question.options.iter_mut().zip(show_ifs) {
                choice.show_if = show_if;
            }
        }
        let invariant_docs = gather(docs, "invariants", |d| &d.invariants);
        self.index("invariant", invariant_docs.iter().map(|(v, at)| (v.id.as_str(), at)));
        let invariants: Vec<Invariant> = invariant_docs.iter().map(|(v, at)| self.invariant(v, at)).collect();
        let identity = identity?;
        if self.diags.iter().any(|d| d.level == Level::Error) {
            return None;
        }
        let questions = std::mem::take(&mut self.questions);
        let scores = std::mem::take(&mut self.scores);
        let plan = match plan::plan(&questions, &scores, &facts, &rules) {
            Ok(p) => p,
            Err(d) => {
                self.diags.push(*d);
                return None;
            }
        };
        let mut by_id: Vec<usize> = (0..rules.len()).collect();
        by_id.sort_by(|a, b| rules[*a].id.cmp(&rules[*b].id));
        let mut rule_rank = vec![0u32; rules.len()];
        for (rank, r) in by_id.into_iter().enumerate() {
            rule_rank[r] = rank as u32;
        }
        let deciding_rules = (0..rules.len())
            .filter(|&r| rules[r].verdict.is_some() || !rules[r].forbid.is_empty() || rules[r].prefer.is_some())
            .collect();
        let read_by = super::read_by(&questions, &scores, &rules);
        let ask_if: Vec<Option<&Cond>> = questions.iter().map(|q| q.ask_if.as_ref()).collect();
        let mut program = Program::new(&ask_if, rules.iter().map(|r| &r.when));
        // Collected before scheduling: the steps read the program that `schedule` changes.
        let steps: Vec<Exec> = plan
            .iter()
            .map(|step| match *step {
                Step::Applies(q) => Exec::Applies(q as u32, program.op(program.ask_if[q])),
                Step::Rule(r) => Exec::Rule(r as u32, program.op(program.rules[r])),
                Step::Fact(f) => Exec::Fact(f as u32),
                Step::Score(s) => Exec::Score(s as u32),
            })
            .collect();
        program.schedule(steps);
        let mut read_by_id = read_by.clone();
        for list in &mut read_by_id {
            list.sort_unstable_by_key(|&r| rule_rank[r]);
        }
        Some(Rulebook {
            read_by,
            read_by_id,
            identity,
            sha256: String::new(),
            review: Review::Draft,
            review_words: String::new(),
            rule_rank,
            deciding_rules,
            files: Vec::new(),
            questions,
            scores,
            facts,
            rules,
            risks,
            advice,
            invariants,
            plan,
            program,
            language: "en".to_owned(),
            index: Index {
                questions: std::mem::take(&mut self.question_ids),
                rules: rule_ids,
                risks: std::mem::take(&mut self.risk_ids),
                advice: std::mem::take(&mut self.advice_ids),
            },
            influence: Default::default(),
            edition: super::new_edition(),
        })
    }

    fn identity(&mut self, docs: &[RulebookFile]) -> Option<Identity> {
        let found: Vec<(usize, &Identity)> = docs
            .iter()
            .enumerate()
            .filter_map(|(fi, d)| d.rulebook.as_ref().map(|r| (fi, r)))
            .collect();
        let Some(&(fi, identity)) = found.first() else {
            self.diags.push(Diagnostic::general(
                Level::Error,
                Code::NoIdentity,
                "no file carries the `rulebook` block (id, title, version, status, review_due, disclaimer)",
            ));
            return None;
        };
        for &(other, _) in &found[1..] {
            let at = At {
                file: other,
                path: "rulebook".into(),
            };
            self.error(
                Code::DuplicateIdentity,
                &at,
                "a second `rulebook` block; exactly one file of a rulebook carries it",
            );
        }
        let at = At {
            file: fi,
            path: "rulebook".into(),
        };
        self.check_id(&identity.id, &at.child("id"));
        self.text(&identity.title, &at.child("title"), true);
        if let Some(by) = &identity.reviewed_by {
            self.text(by, &at.child("reviewed_by"), true);
        }
        self.text(&identity.disclaimer, &at.child("disclaimer"), true);
        if let Some(d) = &identity.description {
            self.text(d, &at.child("description"), false);
        }
        if !is_semver(&identity.version) {
            self.error_help(
                Code::BadVersion,
                &at.child("version"),
                format!("version `{}` is not a semantic version", identity.version),
                Some("write MAJOR.MINOR.PATCH, such as `1.2.0`".into()),
            );
        }
        if identity.status == ReviewStatus::Reviewed {
            let missing: Vec<&str> = [
                ("reviewed_by", identity.reviewed_by.is_none()),
                ("reviewed_on", identity.reviewed_on.is_none()),
                ("reviewed_hash", identity.reviewed_hash.is_none()),
            ]
            .into_iter()
            .filter_map(|(field, absent)| absent.then_some(field))
            .collect();
            if !missing.is_empty() {
                self.error_help(
                    Code::IncompleteReview,
                    &at.child("status"),
                    format!("a `reviewed` rulebook needs {}", missing.join(", ")),
                    Some("say who reviewed it, when, and the content hash they saw (`smp-screen rules check` prints it), or set `\"status\": \"draft\"`".into()),
                );
            }
        }
        if let Some(hash) = &identity.reviewed_hash
            && !(hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        {
            self.error_help(
                Code::BadHash,
                &at.child("reviewed_hash"),
                format!("`{}` is not a content hash", crate::sanitize::one_line(hash)),
                Some("copy the 64 lowercase hex digits `smp-screen rules check` prints as the content hash".into()),
            );
        }
        let mut dates = Vec::new();
        for (field, value) in [
            ("reviewed_on", identity.reviewed_on.as_ref()),
            ("review_due", Some(&identity.review_due)),
        ] {
            let Some(value) = value else { continue };
            match Date::parse(value) {
                Some(d) => dates.push(d),
                None => self.error_help(
                    Code::BadDate,
                    &at.child(field),
                    format!("`{value}` is not a date"),
                    Some("write YYYY-MM-DD, such as `2027-06-30`".into()),
                ),
            }
        }
        if let (Some(_), [reviewed, due]) = (&identity.reviewed_on, &dates[..])
            && due < reviewed
        {
            self.error(
                Code::BadDate,
                &at.child("review_due"),
                format!("review_due {due} comes before reviewed_on {reviewed}"),
            );
        }
        Some(identity.clone())
    }

    /// Maps ids to their position, reporting bad and duplicate ids.
    fn index<'a>(&mut self, what: &str, items: impl Iterator<Item = (&'a str, &'a At)>) -> IdMap {
        let mut map = IdMap::default();
        let mut first: Vec<&At> = Vec::new();
        for (i, (id, at)) in items.enumerate() {
            self.check_id(id, &at.child("id"));
            if let Some(&j) = map.get(id) {
                let prev = first[j].clone();
                self.diags.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        at.file,
                        at.child("id").path,
                        format!("duplicate {what} id `{id}`"),
                    )
                    .with_help(Some(format!("first defined at {}", prev.path))),
                );
            } else {
                map.insert(id.to_owned(), i);
            }
            first.push(at);
        }
        map
    }

    fn check_id(&mut self, id: &str, at: &At) {
        let ok = !id.is_empty()
            && id.len() <= MAX_ID
            && id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !ok {
            self.error_help(
                Code::BadId,
                at,
                format!("`{}` is not a valid id", crate::sanitize::one_line(id)),
                Some(format!("use letters, digits, `_`, `-` and `.`, starting with a letter or digit, at most {MAX_ID} characters")),
            );
        }
    }

    fn text(&mut self, s: &str, at: &At, required: bool) {
        if required && s.trim().is_empty() {
            self.error(Code::EmptyText, at, "this text is empty");
        }
        if s.chars().count() > MAX_TEXT {
            self.error(Code::TextTooLong, at, format!("text longer than {MAX_TEXT} characters"));
        }
    }

    fn question_shell(&mut self, q: &QuestionDoc, at: &At) -> Question {
        self.text(&q.prompt, &at.child("prompt"), true);
        self.text(&q.help, &at.child("help"), true);
        for (field, value) in [
            ("prompt_consultant", &q.prompt_consultant),
            ("help_consultant", &q.help_consultant),
            ("section", &q.section),
            ("short", &q.short),
            ("unit", &q.unit),
        ] {
            if let Some(v) = value {
                self.text(v, &at.child(field), true);
            }
        }
        if q.answer_is.is_none() {
            self.error_help(
                Code::MissingAnswerIs,
                at,
                format!(
                    "question `{}` does not say whether its answer is a choice or a fact",
                    crate::sanitize::one_line(&q.id)
                ),
                Some("add `\"answer_is\": \"choice\"` for something the person decides (goals, permanence, aftercare) or `\"answer_is\": \"fact\"` for something about their body, health or history; when unsure, `fact`".into()),
            );
        }
        let choice = matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple);
        if choice && q.options.len() < 2 {
            self.error(
                Code::TooFewOptions,
                &at.child("options"),
                format!("question `{}` needs at least two options", q.id),
            );
        }
        if !choice && !q.options.is_empty() {
            self.error(
                Code::OptionsNotAllowed,
                &at.child("options"),
                format!("a {} question takes no options", kind_name(q.kind)),
            );
        }
        if q.options.len() > MAX_OPTIONS {
            self.error(
                Code::TooManyOptions,
                &at.child("options"),
                format!("{} options; the limit is {MAX_OPTIONS}", q.options.len()),
            );
        }
        if q.kind != QuestionKind::Number {
            for (field, set) in [
                ("min", q.min.is_some()),
                ("max", q.max.is_some()),
                ("integer", q.integer),
                ("unit", q.unit.is_some()),
            ] {
                if set {
                    self.error(
                        Code::NumberOnly,
                        &at.child(field),
                        format!("`{field}` applies only to number questions"),
                    );
                }
            }
        }
        if let (Some(lo), Some(hi)) = (q.min, q.max)
            && lo > hi
        {
            self.error(Code::BadBounds, &at.child("min"), format!("min {lo} is above max {hi}"));
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut options = Vec::with_capacity(q.options.len());
        for (oi, o) in q.options.iter().enumerate() {
            let oat = at.child("options").item(oi);
            self.check_id(&o.value, &oat.child("value"));
            if let Some(prev) = seen.insert(&o.value, oi) {
                self.error_help(
                    Code::DuplicateOption,
                    &oat.child("value"),
                    format!("option `{}` appears twice in `{}`", o.value, q.id),
                    Some(format!("first at options[{prev}]")),
                );
            }
            self.text(&o.label, &oat.child("label"), true);
            for (field, value) in [("label_consultant", &o.label_consultant), ("help", &o.help)] {
                if let Some(v) = value {
                    self.text(v, &oat.child(field), true);
                }
            }
            if o.exclusive && q.kind != QuestionKind::Multiple {
                self.error(
                    Code::ExclusiveNotMultiple,
                    &oat.child("exclusive"),
                    "`exclusive` applies only to multiple-choice options",
                );
            }
            if o.score.is_some() && q.kind != QuestionKind::Single {
                self.error(
                    Code::ScoreNotSingle,
                    &oat.child("score"),
                    "`score` applies only to single-choice options",
                );
            }
            let swatch = o.swatch.as_deref().and_then(|s| {
                let rgb = parse_hex(s);
                if rgb.is_none() {
                    self.error_help(
                        Code::BadSwatch,
                        &oat.child("swatch"),
                        format!("`{s}` is not a colour"),
                        Some("write #rrggbb, such as `#8d5524`".into()),
                    );
                }
                rgb
            });
            options.push(Choice {
                value: o.value.clone(),
                label: o.label.clone(),
                label_consultant: o.label_consultant.clone(),
                help: o.help.clone(),
                exclusive: o.exclusive,
                swatch,
                score: o.score,
                show_if: None,
                fixed: o.fixed,
                aliases: Vec::new(),
            });
        }
        Question {
            id: q.id.clone(),
            kind: q.kind,
            // A missing declaration is an error above; `fact` is the safe stand-in meanwhile.
            answer_is: q.answer_is.unwrap_or(AnswerIs::Fact),
            section: q.section.clone(),
            short: q.short.clone().unwrap_or_else(|| {
                let words = q.id.replace(['_', '-'], " ");
                let mut c = words.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            }),
            prompt: q.prompt.clone(),
            prompt_consultant: q.prompt_consultant.clone(),
            help: q.help.clone(),
            help_consultant: q.help_consultant.clone(),
            options,
            min: q.min,
            max: q.max,
            integer: q.integer,
            unit: q.unit.clone(),
            ask_if: None,
            fixed: q.fixed,
            origin: at.origin(),
            aliases: Vec::new(),
        }
    }

    fn risk(&mut self, r: &RiskDoc, at: &At) -> Risk {
        self.text(&r.title, &at.child("title"), true);
        self.text(&r.text, &at.child("text"), true);
        if let Some(t) = &r.text_consultant {
            self.text(t, &at.child("text_consultant"), true);
        }
        Risk {
            id: r.id.clone(),
            title: r.title.clone(),
            severity: r.severity,
            text: r.text.clone(),
            text_consultant: r.text_consultant.clone(),
            origin: at.origin(),
        }
    }

    fn advice(&mut self, a: &AdviceDoc, at: &At) -> Advice {
        self.text(&a.title, &at.child("title"), true);
        self.text(&a.text, &at.child("text"), true);
        if let Some(t) = &a.text_consultant {
            self.text(t, &at.child("text_consultant"), true);
        }
        Advice {
            id: a.id.clone(),
            title: a.title.clone(),
            text: a.text.clone(),
            text_consultant: a.text_consultant.clone(),
            origin: at.origin(),
        }
    }

    fn score(&mut self, s: &ScoreDoc, at: &At) -> Score {
        self.text(&s.title, &at.child("title"), true);
        if s.items.is_empty() {
            self.error(
                Code::EmptyScore,
                &at.child("items"),
                "a score needs at least one question",
            );
        }
        let mut items = Vec::new();
        let mut item_bounds = Vec::new();
        for (i, id) in s.items.iter().enumerate() {
            let iat = at.child("items").item(i);
            let Some(q) = self.lookup_question(id, &iat) else {
                continue;
            };
            if items.contains(&q) {
                self.error(Code::DuplicateItem, &iat, format!("question `{id}` is listed twice"));
                continue;
            }
            let question = &self.questions[q];
            if question.kind != QuestionKind::Single {
                self.error(
                    Code::ScoreItemKind,
                    &iat,
                    format!(
                        "question `{id}` is {}, but score items must be single choice",
                        kind_name(question.kind)
                    ),
                );
                continue;
            }
            let points: Option<Vec<f64>> = question.options.iter().map(|o| o.score).collect();
            let Some(points) = points else {
                self.error(
                    Code::UnscoredOption,
                    &iat,
                    format!("question `{id}` has options without a `score`"),
                );
                continue;
            };
            let lo = points.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            items.push(q);
            item_bounds.push((lo, hi));
        }
        Score {
            id: s.id.clone(),
            title: s.title.clone(),
            items,
            description: s.description.clone(),
            item_bounds,
        }
    }

    fn rule(&mut self, r: &RuleDoc, at: &At) -> Rule {
        self.text(&r.title, &at.child("title"), true);
        for (field, value) in [
            ("summary", &r.summary),
            ("rationale", &r.rationale),
            ("source", &r.source),
        ] {
            if let Some(v) = value {
                self.text(v, &at.child(field), true);
            }
        }
        let when = self.cond(&r.when, &at.child("when"), 0).unwrap_or(Cond::Always);
        let (forbid, prefer) = match &r.ink {
            Some(ink) => {
                let iat = at.child("ink");
                let mut forbid = Vec::new();
                for (i, k) in ink.forbid.iter().enumerate() {
                    if forbid.contains(k) {
                        self.error(
                            Code::DuplicateInk,
                            &iat.child("forbid").item(i),
                            format!("`{}` is forbidden twice", k.as_str()),
                        );
                    } else {
                        forbid.push(*k);
                    }
                }
                if forbid.len() == 2 {
                    self.error_help(
                        Code::ForbidsBothInks,
                        &iat.child("forbid"),
                        "a rule that forbids both inks leaves nothing to recommend",
                        Some("give the rule `\"verdict\": \"unsuitable\"` instead".into()),
                    );
                }
                if let Some(p) = ink.prefer
                    && forbid.contains(&p)
                {
                    self.error(
                        Code::PrefersForbiddenInk,
                        &iat.child("prefer"),
                        format!("the rule prefers `{}` and also forbids it", p.as_str()),
                    );
                }
                if forbid.is_empty() && ink.prefer.is_none() {
                    self.error(Code::EmptyInk, &iat, "`ink` needs `forbid` or `prefer`");
                }
                (forbid, ink.prefer)
            }
            None => (Vec::new(), None),
        };
        let mut risks: Vec<RiskRef> = Vec::new();
        for (i, rr) in r.risks.iter().enumerate() {
            let rat = at.child("risks").item(i);
            let Some(risk) = self.lookup(&rr.id, &rat, "risk", Catalogue::Risk) else {
                continue;
            };
            if risks.iter().any(|x| x.risk == risk) {
                self.error(Code::DuplicateRisk, &rat, format!("risk `{}` is listed twice", rr.id));
                continue;
            }
            risks.push(RiskRef {
                risk,
                severity: rr.severity,
            });
        }
        let advice = self.refs(&r.advice, &at.child("advice"), "advice", Catalogue::Advice);
        let derive = self.refs(&r.derive, &at.child("derive"), "fact", Catalogue::Fact);
        let recheck_after = r
            .recheck_after
            .as_ref()
            .and_then(|d| self.recheck(d, &at.child("recheck_after")));
        if r.verdict.is_none() && r.ink.is_none() && r.risks.is_empty() && r.advice.is_empty() && r.derive.is_empty() {
            self.error_help(
                Code::NoEffect,
                at,
                format!("rule `{}` has no effect", r.id),
                Some("give it a verdict, ink, risks, advice or derive".into()),
            );
        }
        Rule {
            id: r.id.clone(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            when,
            verdict: r.verdict,
            forbid,
            prefer,
            risks,
            advice,
            derive,
            rationale: r.rationale.clone(),
            source: r.source.clone(),
            evidence: r.evidence,
            recheck_after,
            origin: at.origin(),
        }
    }

    fn invariant(&mut self, v: &InvariantDoc, at: &At) -> Invariant {
        self.text(&v.statement, &at.child("statement"), true);
        self.text(&v.source, &at.child("source"), true);
        let when = v.when.as_ref().and_then(|c| self.cond(c, &at.child("if"), 0));
        let mut unanswered = Vec::new();
        for (i, id) in v.unanswered.iter().enumerate() {
            if let Some(q) = self.lookup_question(id, &at.child("unanswered").item(i)) {
                unanswered.push(q);
            }
        }
        let mut monotonic = Vec::new();
        for (i, id) in v.monotonic.iter().enumerate() {
            let qat = at.child("monotonic").item(i);
            if let Some(q) = self.lookup_question(id, &qat) {
                if self.questions[q].kind == QuestionKind::Multiple {
                    monotonic.push(q);
                } else {
                    self.error(
                        Code::MonotonicNotMultiple,
                        &qat,
                        format!("`{id}` is not a multiple-choice question; monotonicity is about ticking options"),
                    );
                }
            }
        }
        let mut then = Then::default();
        if let Some(t) = &v.then {
            let tat = at.child("then");
            then.verdict_at_least = t.verdict_at_least;
            then.verdict_at_most = t.verdict_at_most;
            then.worst_case_at_least = t.worst_case_at_least;
            then.ink_not = t.ink_not.clone();
            then.risks = self.refs(&t.risks, &tat.child("risks"), "risk", Catalogue::Risk);
            then.advice = self.refs(&t.advice, &tat.child("advice"), "advice", Catalogue::Advice);
            let empty = then.verdict_at_least.is_none()
                && then.verdict_at_most.is_none()
                && then.worst_case_at_least.is_none()
                && t.ink_not.is_empty()
                && t.risks.is_empty()
                && t.advice.is_empty();
            if empty {
                self.error(Code::EmptyThen, &tat, "`then` requires nothing");
            }
        }
        match (v.then.is_some(), v.monotonic.is_empty()) {
            (true, false) => self.error_help(
                Code::ThenAndMonotonic,
                at,
                format!("invariant `{}` has both `then` and `monotonic`", v.id),
                Some("declare them as two invariants".into()),
            ),
            (false, true) => self.error_help(
                Code::NoRequirement,
                at,
                format!("invariant `{}` requires nothing", v.id),
                Some("give it `then` or `monotonic`".into()),
            ),
            _ => {}
        }
        if !v.monotonic.is_empty() && (v.when.is_some() || !v.unanswered.is_empty()) {
            self.error(
                Code::MonotonicWithIf,
                at,
                "a monotonicity invariant holds for every answer set: it takes no `if` or `unanswered`",
            );
        }
        Invariant {
            id: v.id.clone(),
            statement: v.statement.clone(),
            source: v.source.clone(),
            when,
            unanswered,
            then,
            monotonic,
            origin: at.origin(),
        }
    }

    /// A waiting time: exactly one of `months` or `weeks`, at least 1 and at most ten years.
    fn recheck(&mut self, d: &RecheckDoc, at: &At) -> Option<Recheck> {
        let (field, n, recheck, limit) = match (d.months, d.weeks) {
            (Some(m), None) => ("months", m, Recheck::Months(m), MAX_RECHECK_MONTHS),
            (None, Some(w)) => ("weeks", w, Recheck::Weeks(w), MAX_RECHECK_WEEKS),
            (Some(_), Some(_)) => {
                self.error_help(
                    Code::BadRecheck,
                    at,
                    "`recheck_after` has both `months` and `weeks`",
                    Some("give one, such as `{\"months\": 6}` or `{\"weeks\": 4}`".into()),
                );
                return None;
            }
            (None, None) => {
                self.error_help(
                    Code::BadRecheck,
                    at,
                    "`recheck_after` gives no waiting time",
                    Some("write `{\"months\": 6}` or `{\"weeks\": 4}`".into()),
                );
                return None;
            }
        };
        if n == 0 || n > limit {
            self.error_help(
                Code::BadRecheck,
                &at.child(field),
                format!("`recheck_after` of {n} {field} is outside 1 to {limit}"),
                Some("a waiting time is at least 1 and at most ten years".into()),
            );
            return None;
        }
        Some(recheck)
    }

    fn refs(&mut self, ids: &[String], at: &At, what: &str, catalogue: Catalogue) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let iat = at.item(i);
            if let Some(x) = self.lookup(id, &iat, what, catalogue) {
                if out.contains(&x) {
                    self.error(Code::DuplicateReference, &iat, format!("{what} `{id}` is listed twice"));
                } else {
                    out.push(x);
                }
            }
        }
        out
    }

    fn lookup(&mut self, id: &str, at: &At, what: &str, catalogue: Catalogue) -> Option<usize> {
        let map = match catalogue {
            Catalogue::Risk => &self.risk_ids,
            Catalogue::Advice => &self.advice_ids,
            Catalogue::Fact => &self.fact_ids,
            Catalogue::Score => &self.score_ids,
        };
        if let Some(&i) = map.get(id) {
            return Some(i);
        }
        let help = did_you_mean(id, in_rulebook_order(map)).map(|s| format!("did you mean `{s}`?"));
        let code = match catalogue {
            Catalogue::Risk => Code::UnknownRisk,
            Catalogue::Advice => Code::UnknownAdvice,
            Catalogue::Fact => Code::UnknownFact,
            Catalogue::Score => Code::UnknownScore,
        };
        self.error_help(
            code,
            at,
            format!("unknown {what} `{}`", crate::sanitize::one_line(id)),
            help,
        );
        None
    }

    fn lookup_question(&mut self, id: &str, at: &At) -> Option<usize> {
        if let Some(&q) = self.question_ids.get(id) {
            return Some(q);
        }
        let help = did_you_mean(id, in_rulebook_order(&self.question_ids)).map(|s| format!("did you mean `{s}`?"));
        self.error_help(
            Code::UnknownQuestion,
            at,
            format!("unknown question `{}`", crate::sanitize::one_line(id)),
            help,
        );
        None
    }
}

#[derive(Clone, Copy)]
enum Catalogue {
    Risk,
    Advice,
    Fact,
    Score,
}

/// The name of a question kind in words.
pub(crate) fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single-choice",
        QuestionKind::Multiple => "multiple-choice",
        QuestionKind::YesNo => "yes/no",
        QuestionKind::Number => "number",
    }
}

fn parse_hex(s: &str) -> Option<Rgb> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

fn is_semver(v: &str) -> bool {
    let core = v.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semantic_versions() {
        assert!(is_semver("1.0.0"));
        assert!(is_semver("12.3.45-rc.1"));
        assert!(!is_semver("1.0"));
        assert!(!is_semver("01.0.0"));
        assert!(!is_semver("v1.0.0"));
    }

    #[test]
    fn hex_colours() {
        assert_eq!(parse_hex("#8d5524"), Some(Rgb(0x8d, 0x55, 0x24)));
        assert_eq!(parse_hex("8d5524"), None);
        assert_eq!(parse_hex("#8d552"), None);
    }
}
