//! The rulebook: its file format, loading from a file, a folder or the embedded copy,
//! validation, and the compiled, indexed form the engine evaluates.

pub mod code;
mod compile;
pub mod content_hash;
pub mod diagnostic;
mod influence;
pub mod locale;
pub mod model;
mod plan;
pub mod source;
pub mod spans;
pub mod texts;

pub use code::Code;
pub use diagnostic::{Diagnostic, Level, RulebookError};
pub use influence::{Influence, Node};
pub use model::{AnswerIs, Evidence, Identity, Ink, InkKind, QuestionKind, ReviewStatus, Severity, Verdict};
pub use plan::Step;
pub use source::{SourceFile, Sources};

use crate::audience::Audience;
use crate::condition::{Cond, NumRange, Ref};
/// Maps ids to indices. foldhash is several times faster than SipHash on short keys and
/// still keyed per process, so crafted ids cannot force collisions.
pub(crate) type IdMap = std::collections::HashMap<String, usize, foldhash::fast::RandomState>;

/// Where an item was defined: which file of the rulebook, and its JSON path there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Rulebook::files`].
    pub file: usize,
    /// JSON path, such as `rules[3]`.
    pub path: String,
}

/// A validated rulebook, with every reference resolved to an index.
#[derive(Debug, Clone)]
pub struct Rulebook {
    /// Identity from the file that carries it.
    pub identity: Identity,
    /// SHA-256 of the rulebook's files (see [`Sources::sha256`]).
    pub sha256: String,
    /// Whether its clinical content is reviewed as it stands.
    pub review: Review,
    /// [`Review::words`], made once: every result carries it.
    pub review_words: String,
    /// The files it was loaded from, kept for diagnostics.
    pub files: Vec<SourceFile>,
    /// Questions in the order asked.
    pub questions: Vec<Question>,
    /// Scores.
    pub scores: Vec<Score>,
    /// Derived facts.
    pub facts: Vec<Fact>,
    /// Rules.
    pub rules: Vec<Rule>,
    /// Risk catalogue.
    pub risks: Vec<Risk>,
    /// Advice catalogue.
    pub advice: Vec<Advice>,
    /// Safety properties for `rules prove`.
    pub invariants: Vec<Invariant>,
    /// Evaluation order: every step after everything it reads.
    pub(crate) plan: Vec<Step>,
    /// Every condition in flat form, as evaluation reads it.
    pub(crate) program: crate::condition::Program,
    /// Each rule's position among rule ids in sorted order, so results can be ordered by
    /// id without comparing strings.
    pub(crate) rule_rank: Vec<u32>,
    /// Rules with a verdict or an ink effect: the only ones resolution needs to visit.
    pub(crate) deciding_rules: Vec<usize>,
    /// For each question, the rules that read it (see [`Rulebook::read_by`]).
    read_by: Vec<Vec<usize>>,
    /// The same lists ordered by rule id, as explanations list them (every row of a batch).
    pub(crate) read_by_id: Vec<Vec<usize>>,
    /// The language its texts are shown in (`en` unless a translation was applied with
    /// [`locale::apply`]); the tool's own words follow it too.
    pub language: String,
    index: Index,
    /// How far each answer reaches, worked out when first asked for (what-if needs it).
    influence: std::sync::OnceLock<Influence>,
    /// Which load or translation of a rulebook this is, unique in the process: what keeps
    /// wording made from its texts (an explanation's traced tests) tells it from another
    /// rulebook at the same address, or from itself before a translation.
    edition: u64,
}

/// A number no rulebook loaded or translated in this process had before.
pub(crate) fn new_edition() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[derive(Debug, Default, Clone)]
struct Index {
    questions: IdMap,
    rules: IdMap,
    risks: IdMap,
    advice: IdMap,
}

/// A question, compiled.
#[derive(Debug, Clone)]
pub struct Question {
    /// Identifier.
    pub id: String,
    /// Answer kind.
    pub kind: QuestionKind,
    /// Whether the answer is a choice the person makes or a fact about them.
    pub answer_is: AnswerIs,
    /// Heading that groups it.
    pub section: Option<String>,
    /// Short name for summaries (the id in words when the file gives none).
    pub short: String,
    /// Patient wording.
    pub prompt: String,
    /// Consultant wording, when different.
    pub prompt_consultant: Option<String>,
    /// Why it is asked, plainly.
    pub help: String,
    /// Why it is asked, clinically.
    pub help_consultant: Option<String>,
    /// Options (choice questions).
    pub options: Vec<Choice>,
    /// Smallest number accepted.
    pub min: Option<f64>,
    /// Largest number accepted.
    pub max: Option<f64>,
    /// Whole numbers only.
    pub integer: bool,
    /// Unit of a number.
    pub unit: Option<String>,
    /// Skip logic.
    pub ask_if: Option<Cond>,
    /// A trait the person cannot change.
    pub fixed: bool,
    /// Where it was defined.
    pub origin: Origin,
    /// Further short names a spreadsheet column may give it by: the English one once the
    /// rulebook is shown in another language, so inputs read alike in every language.
    pub aliases: Vec<String>,
}

/// For each question, the rules whose condition reads it (directly or through a score),
/// in rule order without repeats.
pub(crate) fn read_by(questions: &[Question], scores: &[Score], rules: &[Rule]) -> Vec<Vec<usize>> {
    let mut by = vec![Vec::new(); questions.len()];
    for (r, rule) in rules.iter().enumerate() {
        rule.when.visit_refs(&mut |x| match x {
            Ref::Question(q) => by[q].push(r),
            Ref::Score(s) => scores[s].items.iter().for_each(|&q| by[q].push(r)),
            Ref::Fact(_) => {}
        });
    }
    for list in &mut by {
        list.sort_unstable();
        list.dedup();
    }
    by
}

impl Question {
    /// Whether a patient may be shown a different answer to this question as something
    /// they could change: only choices, and never a trait marked `fixed`.
    pub fn is_lever(&self) -> bool {
        self.answer_is == AnswerIs::Choice && !self.fixed
    }

    /// Index of the option with this value.
    pub fn option_index(&self, value: &str) -> Option<usize> {
        self.options.iter().position(|o| o.value == value)
    }

    /// The numbers a number question accepts, as a range.
    pub fn bounds(&self) -> NumRange {
        NumRange {
            lo: self.min.unwrap_or(f64::NEG_INFINITY),
            lo_inclusive: true,
            hi: self.max.unwrap_or(f64::INFINITY),
            hi_inclusive: true,
        }
    }

    /// What an answer to it must be, in words, for messages ("one of: a, b", "a whole
    /// number of years from 0 to 120").
    pub fn expected(&self) -> String {
        match self.kind {
            QuestionKind::Single => format!("one of: {}", self.option_values()),
            QuestionKind::Multiple => format!("a list of options from: {}", self.option_values()),
            QuestionKind::YesNo => "yes or no (true or false)".to_owned(),
            QuestionKind::Number => {
                let whole = if self.integer { "a whole number" } else { "a number" };
                let unit = self.unit.as_deref().map(|u| format!(" of {u}")).unwrap_or_default();
                match (self.min, self.max) {
                    (Some(lo), Some(hi)) => format!("{whole}{unit} from {lo} to {hi}"),
                    (Some(lo), None) => format!("{whole}{unit} of at least {lo}"),
                    (None, Some(hi)) => format!("{whole}{unit} of at most {hi}"),
                    (None, None) => format!("{whole}{unit}"),
                }
            }
        }
    }

    /// The option values, comma-separated, for messages.
    pub fn option_values(&self) -> String {
        self.options
            .iter()
            .map(|o| o.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Bits of the options that must stand alone (such as `none`).
    pub fn exclusive_mask(&self) -> u64 {
        // Without a branch per option: the fast answer reader works this out for every
        // multiple-choice answer it reads.
        self.options
            .iter()
            .enumerate()
            .fold(0, |m, (i, o)| m | u64::from(o.exclusive) << i)
    }

    /// The wording for this reader.
    pub fn prompt_for(&self, audience: Audience) -> &str {
        audience.pick(&self.prompt, self.prompt_consultant.as_deref())
    }

    /// Why it is asked, for this reader.
    pub fn help_for(&self, audience: Audience) -> &str {
        audience.pick(&self.help, self.help_consultant.as_deref())
    }
}

/// An option of a choice question, compiled.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Value used in answers.
    pub value: String,
    /// Patient label.
    pub label: String,
    /// Consultant label, when different.
    pub label_consultant: Option<String>,
    /// Short explanation.
    pub help: Option<String>,
    /// Stands alone in a multiple choice.
    pub exclusive: bool,
    /// Colour shown beside it.
    pub swatch: Option<Rgb>,
    /// Points for scores.
    pub score: Option<f64>,
    /// Offered only when this holds.
    pub show_if: Option<Cond>,
    /// Never suggested to a patient as a change.
    pub fixed: bool,
    /// Further labels an answer may name the option by: the English labels once the
    /// rulebook is shown in another language, so answers read alike in every language.
    pub aliases: Vec<String>,
}

impl Choice {
    /// The label for this reader.
    pub fn label_for(&self, audience: Audience) -> &str {
        audience.pick(&self.label, self.label_consultant.as_deref())
    }
}

/// A colour for a swatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// A score, compiled.
#[derive(Debug, Clone)]
pub struct Score {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// The questions summed.
    pub items: Vec<usize>,
    /// Where the scoring comes from.
    pub description: Option<String>,
    /// Lowest and highest points each item can add, in `items` order.
    pub item_bounds: Vec<(f64, f64)>,
}

/// A derived fact, compiled.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Identifier.
    pub id: String,
    /// Meaning in words.
    pub description: String,
    /// Rules that derive it.
    pub derived_by: Vec<usize>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A rule, compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Identifier.
    pub id: String,
    /// Short clinical title.
    pub title: String,
    /// Plain-words conclusion for a patient.
    pub summary: Option<String>,
    /// When it fires.
    pub when: Cond,
    /// Verdict it raises the result to.
    pub verdict: Option<Verdict>,
    /// Inks it forbids.
    pub forbid: Vec<InkKind>,
    /// Ink it prefers.
    pub prefer: Option<InkKind>,
    /// Risks it reports.
    pub risks: Vec<RiskRef>,
    /// Advice it gives (indices into the advice catalogue).
    pub advice: Vec<usize>,
    /// Facts it derives.
    pub derive: Vec<usize>,
    /// Why.
    pub rationale: Option<String>,
    /// Where from.
    pub source: Option<String>,
    /// How strong.
    pub evidence: Option<Evidence>,
    /// How long until a new screening could decide differently, for time-bound reasons.
    pub recheck_after: Option<Recheck>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A waiting time before screening again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Recheck {
    /// Whole calendar months.
    Months(u32),
    /// Whole weeks.
    Weeks(u32),
}

impl Recheck {
    /// The date this long after `from` (a month after 31 January is the last day of February).
    pub fn after(self, from: crate::date::Date) -> crate::date::Date {
        match self {
            Recheck::Weeks(w) => crate::date::Date::from_days(from.days() + 7 * i64::from(w)),
            Recheck::Months(m) => from.add_months(m),
        }
    }

    /// Its length in days on average (a month is 365.2425 / 12 days), to compare a wait in
    /// months with one in weeks the same way whatever the date.
    pub fn mean_days(self) -> f64 {
        match self {
            Recheck::Months(m) => f64::from(m) * 365.2425 / 12.0,
            Recheck::Weeks(w) => f64::from(w) * 7.0,
        }
    }

    /// In words: "6 months", "1 week".
    pub fn words(self) -> String {
        let (n, unit) = match self {
            Recheck::Months(n) => (n, "month"),
            Recheck::Weeks(n) => (n, "week"),
        };
        format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
    }
}

/// Whether a rulebook's clinical content has been reviewed, as it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// Marked `draft`: not yet reviewed by a clinician.
    Draft,
    /// Reviewed, and the content is still what the review saw.
    Reviewed {
        /// Who reviewed it.
        by: String,
        /// When (`YYYY-MM-DD`).
        on: String,
    },
    /// Marked `reviewed`, but the content changed after the review.
    ChangedSinceReview {
        /// Who reviewed the earlier content.
        by: String,
        /// When.
        on: String,
    },
}

impl Review {
    /// Whether the content as it stands has been reviewed.
    pub fn is_current(&self) -> bool {
        matches!(self, Review::Reviewed { .. })
    }

    /// The identifier used in JSON: `draft`, `reviewed` or `changed_since_review`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Review::Draft => "draft",
            Review::Reviewed { .. } => "reviewed",
            Review::ChangedSinceReview { .. } => "changed_since_review",
        }
    }

    /// The review status in words, for reports, handouts and `--version`.
    pub fn words(&self) -> String {
        match self {
            Review::Draft => DRAFT_WORDS.to_owned(),
            Review::Reviewed { by, on } => format!("reviewed by {by} on {on}"),
            Review::ChangedSinceReview { on, .. } => {
                format!("changed since its review on {on}, so not yet reviewed by a clinician as it stands")
            }
        }
    }
}

/// How a draft rulebook is described everywhere.
pub const DRAFT_WORDS: &str = "not yet reviewed by a clinician";

impl Rule {
    /// The patient-facing summary, or the title when there is none.
    pub fn summary_or_title(&self) -> &str {
        self.summary.as_deref().unwrap_or(&self.title)
    }

    /// Its ink effects as (forbids?, ink): prohibitions first, then the preference.
    pub fn ink_effects(&self) -> impl Iterator<Item = (bool, InkKind)> + '_ {
        self.forbid
            .iter()
            .map(|&k| (true, k))
            .chain(self.prefer.map(|k| (false, k)))
    }

    /// Whether it forbids `ink`.
    pub fn forbids(&self, ink: InkKind) -> bool {
        self.forbid.contains(&ink)
    }
}

/// A risk named by a rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskRef {
    /// Index into the risk catalogue.
    pub risk: usize,
    /// Severity overriding the catalogue's.
    pub severity: Option<Severity>,
}

/// A catalogue risk, compiled.
#[derive(Debug, Clone)]
pub struct Risk {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Default severity.
    pub severity: Severity,
    /// Patient text.
    pub text: String,
    /// Consultant text.
    pub text_consultant: Option<String>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A catalogue advice, compiled.
#[derive(Debug, Clone)]
pub struct Advice {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Patient text.
    pub text: String,
    /// Consultant text.
    pub text_consultant: Option<String>,
    /// Where it was defined.
    pub origin: Origin,
}

/// A safety property, compiled (see [`model::InvariantDoc`]).
#[derive(Debug, Clone)]
pub struct Invariant {
    /// Identifier.
    pub id: String,
    /// The property in plain words.
    pub statement: String,
    /// Where it comes from.
    pub source: String,
    /// When it applies (must be true); `None` for every answer set.
    pub when: Option<Cond>,
    /// Questions left unanswered.
    pub unanswered: Vec<usize>,
    /// What must then hold.
    pub then: Then,
    /// Multiple-choice questions declared monotonic.
    pub monotonic: Vec<usize>,
    /// Where it was defined.
    pub origin: Origin,
}

/// What an invariant requires, compiled.
#[derive(Debug, Clone, Default)]
pub struct Then {
    /// The verdict is at least this.
    pub verdict_at_least: Option<Verdict>,
    /// The verdict is at most this.
    pub verdict_at_most: Option<Verdict>,
    /// Inks that must not be recommended.
    pub ink_not: Vec<Ink>,
    /// Risks that must be reported (catalogue indices).
    pub risks: Vec<usize>,
    /// Advice that must be given (catalogue indices).
    pub advice: Vec<usize>,
    /// The worst case is at least this.
    pub worst_case_at_least: Option<Verdict>,
}

impl Rulebook {
    /// Parses and validates a rulebook from its files.
    pub fn from_sources(sources: Sources) -> Result<Rulebook, RulebookError> {
        compile::compile(sources)
    }

    /// The rulebook compiled into the binary.
    pub fn embedded() -> Result<Rulebook, RulebookError> {
        Rulebook::from_sources(Sources::embedded())
    }

    /// The rules whose condition reads question `q`, directly or through a score, in
    /// rule order: computed once when the rulebook is compiled.
    pub fn read_by(&self, q: usize) -> &[usize] {
        &self.read_by[q]
    }

    /// How far each question's answer reaches in the evaluation plan, worked out the
    /// first time it is asked for and kept.
    /// Which load or translation of a rulebook this is (see [`new_edition`]).
    pub(crate) fn edition(&self) -> u64 {
        self.edition
    }

    /// How far each answer reaches (what-if needs it).
    pub fn influence(&self) -> &Influence {
        self.influence.get_or_init(|| Influence::of(self))
    }

    /// Index of the question with this id.
    #[inline]
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.index.questions.get(id).copied()
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    /// Index of the rule with this id.
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        self.index.rules.get(id).copied()
    }

    /// Index of the risk with this id.
    pub fn risk_index(&self, id: &str) -> Option<usize> {
        self.index.risks.get(id).copied()
    }

    /// Index of the advice with this id.
    pub fn advice_index(&self, id: &str) -> Option<usize> {
        self.index.advice.get(id).copied()
    }

    /// The content hash a review records in `reviewed_hash` (see [`content_hash`]).
    pub fn content_hash(&self) -> String {
        content_hash::content_hash(&self.files).unwrap_or_default()
    }

    /// The name of the file an item came from.
    pub fn file_name(&self, origin: &Origin) -> &str {
        &self.files[origin.file].name
    }
}
